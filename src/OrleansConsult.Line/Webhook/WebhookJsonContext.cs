using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(MessageEvent))]
[JsonSerializable(typeof(MessageEditedEvent))]
[JsonSerializable(typeof(FollowEvent))]
[JsonSerializable(typeof(UnfollowEvent))]
[JsonSerializable(typeof(PostbackEvent))]
[JsonSerializable(typeof(JoinEvent))]
[JsonSerializable(typeof(LeaveEvent))]
[JsonSerializable(typeof(MemberJoinedEvent))]
[JsonSerializable(typeof(MemberLeftEvent))]
[JsonSerializable(typeof(AccountLinkEvent))]
[JsonSerializable(typeof(UnsendEvent))]
[JsonSerializable(typeof(VideoPlayCompleteEvent))]
[JsonSerializable(typeof(BeaconEvent))]
[JsonSerializable(typeof(MembershipEvent))]
[JsonSerializable(typeof(UnknownEvent))]
[JsonSerializable(typeof(TextMessageContent))]
[JsonSerializable(typeof(ImageMessageContent))]
[JsonSerializable(typeof(VideoMessageContent))]
[JsonSerializable(typeof(AudioMessageContent))]
[JsonSerializable(typeof(FileMessageContent))]
[JsonSerializable(typeof(LocationMessageContent))]
[JsonSerializable(typeof(StickerMessageContent))]
[JsonSerializable(typeof(UnknownMessageContent))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
