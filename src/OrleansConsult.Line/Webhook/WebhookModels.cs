using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

/// <summary>
/// The body LINE POSTs to a webhook: the bot's user id and zero or more events. Events that
/// could not be read are in <paramref name="Skipped"/>; they never cost the others.
/// </summary>
public sealed record WebhookRequest(string? Destination, IReadOnlyList<WebhookEvent> Events, IReadOnlyList<SkippedEvent> Skipped)
{
    public WebhookRequest(string? destination, IReadOnlyList<WebhookEvent> events) : this(destination, events, []) { }
}

/// <summary>An event of the body that was not usable (its position and why; never its content).</summary>
public sealed record SkippedEvent(int Index, string? Type, string Reason);

public enum SourceKind { User, Group, Room, Unknown }

/// <summary>Where an event came from. Unknown source types keep their raw type.</summary>
public sealed record EventSource
{
    public string Type { get; init; } = "";
    public string? UserId { get; init; }
    public string? GroupId { get; init; }
    public string? RoomId { get; init; }

    [JsonIgnore]
    public SourceKind Kind => Type switch
    {
        "user" => SourceKind.User,
        "group" => SourceKind.Group,
        "room" => SourceKind.Room,
        _ => SourceKind.Unknown,
    };
}

public sealed record DeliveryContext
{
    public bool IsRedelivery { get; init; }
}

/// <summary>Fields every event has. Concrete types below; anything LINE adds later parses as <see cref="UnknownEvent"/>.</summary>
public abstract record WebhookEvent
{
    public string Type { get; init; } = "";

    /// <summary>"active", or "standby" when another channel (module) is in charge: the bot must not answer.</summary>
    public string Mode { get; init; } = "active";

    /// <summary>Milliseconds since the Unix epoch.</summary>
    public long Timestamp { get; init; }

    public EventSource? Source { get; init; }

    /// <summary>LINE's id of the event, or "derived:…" (a hash of the event) when LINE sent none.</summary>
    public string WebhookEventId { get; init; } = "";
    public DeliveryContext? DeliveryContext { get; init; }

    /// <summary>Single use, valid for about a minute; absent on standby and some event types.</summary>
    public string? ReplyToken { get; init; }

    [JsonIgnore] public bool IsStandby => Mode == "standby";
    [JsonIgnore] public bool IsRedelivery => DeliveryContext?.IsRedelivery == true;
    [JsonIgnore] public DateTimeOffset Time => DateTimeOffset.FromUnixTimeMilliseconds(Timestamp);
}

public sealed record MessageEvent : WebhookEvent
{
    [JsonIgnore] public MessageContent Message { get; init; } = new UnknownMessageContent();
}

/// <summary>A message the user edited; carries the message as it reads now.</summary>
public sealed record MessageEditedEvent : WebhookEvent
{
    [JsonIgnore] public MessageContent Message { get; init; } = new UnknownMessageContent();
}

public sealed record FollowEvent : WebhookEvent
{
    public FollowDetail? Follow { get; init; }
}

public sealed record FollowDetail
{
    public bool IsUnblocked { get; init; }
}

public sealed record UnfollowEvent : WebhookEvent;

public sealed record PostbackEvent : WebhookEvent
{
    public PostbackContent Postback { get; init; } = new();
}

public sealed record PostbackContent
{
    public string Data { get; init; } = "";
    public PostbackParams? Params { get; init; }
}

public sealed record PostbackParams
{
    public string? Date { get; init; }
    public string? Time { get; init; }
    public string? Datetime { get; init; }
    public string? NewRichMenuAliasId { get; init; }
    public string? Status { get; init; }
}

public sealed record JoinEvent : WebhookEvent;

public sealed record LeaveEvent : WebhookEvent;

public sealed record MemberJoinedEvent : WebhookEvent
{
    public MembersDetail? Joined { get; init; }
}

public sealed record MemberLeftEvent : WebhookEvent
{
    public MembersDetail? Left { get; init; }
}

public sealed record MembersDetail
{
    public IReadOnlyList<EventSource> Members { get; init; } = [];
}

public sealed record AccountLinkEvent : WebhookEvent
{
    public AccountLinkDetail? Link { get; init; }
}

public sealed record AccountLinkDetail
{
    public string Result { get; init; } = "";
    public string? Nonce { get; init; }
}

public sealed record UnsendEvent : WebhookEvent
{
    public UnsendDetail? Unsend { get; init; }
}

public sealed record UnsendDetail
{
    public string MessageId { get; init; } = "";
}

public sealed record VideoPlayCompleteEvent : WebhookEvent
{
    public VideoPlayCompleteDetail? VideoPlayComplete { get; init; }
}

public sealed record VideoPlayCompleteDetail
{
    public string TrackingId { get; init; } = "";
}

public sealed record BeaconEvent : WebhookEvent
{
    public BeaconDetail? Beacon { get; init; }
}

public sealed record BeaconDetail
{
    public string Hwid { get; init; } = "";
    public string Type { get; init; } = "";
    public string? Dm { get; init; }
}

public sealed record MembershipEvent : WebhookEvent
{
    public MembershipDetail? Membership { get; init; }
}

public sealed record MembershipDetail
{
    public string Type { get; init; } = "";
    public long MembershipId { get; init; }
}

/// <summary>An event type this code does not know yet: kept, logged by type and id, and ignored.</summary>
public sealed record UnknownEvent : WebhookEvent;

/// <summary>Message content; the concrete type follows "type". Unknown types keep their raw type.</summary>
public abstract record MessageContent
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string? QuoteToken { get; init; }

    /// <summary>Marks this message and every earlier one read (manual read mode; POST /v2/bot/chat/markAsRead). No expiry.</summary>
    public string? MarkAsReadToken { get; init; }
}

public sealed record TextMessageContent : MessageContent
{
    public string Text { get; init; } = "";
    public IReadOnlyList<TextEmoji>? Emojis { get; init; }
    public TextMention? Mention { get; init; }
    public string? QuotedMessageId { get; init; }
}

public sealed record TextEmoji
{
    public int Index { get; init; }
    public int Length { get; init; }
    public string ProductId { get; init; } = "";
    public string EmojiId { get; init; } = "";
}

public sealed record TextMention
{
    public IReadOnlyList<Mentionee> Mentionees { get; init; } = [];
}

public sealed record Mentionee
{
    public int Index { get; init; }
    public int Length { get; init; }
    public string Type { get; init; } = "";
    public string? UserId { get; init; }
    public bool IsSelf { get; init; }
}

public sealed record ContentProvider
{
    public string Type { get; init; } = "";
    public string? OriginalContentUrl { get; init; }
    public string? PreviewImageUrl { get; init; }
}

public sealed record ImageSet
{
    public string Id { get; init; } = "";
    public int Index { get; init; }
    public int Total { get; init; }
}

public sealed record ImageMessageContent : MessageContent
{
    public ContentProvider? ContentProvider { get; init; }
    public ImageSet? ImageSet { get; init; }
}

public sealed record VideoMessageContent : MessageContent
{
    public long Duration { get; init; }
    public ContentProvider? ContentProvider { get; init; }
}

public sealed record AudioMessageContent : MessageContent
{
    public long Duration { get; init; }
    public ContentProvider? ContentProvider { get; init; }
}

public sealed record FileMessageContent : MessageContent
{
    public string FileName { get; init; } = "";
    public long FileSize { get; init; }
}

public sealed record LocationMessageContent : MessageContent
{
    public string? Title { get; init; }
    public string? Address { get; init; }
    public double Latitude { get; init; }
    public double Longitude { get; init; }
}

public sealed record StickerMessageContent : MessageContent
{
    public string PackageId { get; init; } = "";
    public string StickerId { get; init; } = "";
    public string? StickerResourceType { get; init; }
    public IReadOnlyList<string>? Keywords { get; init; }
    public string? Text { get; init; }
}

public sealed record UnknownMessageContent : MessageContent;
