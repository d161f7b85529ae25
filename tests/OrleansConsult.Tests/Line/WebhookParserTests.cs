using System.Text;
using OrleansConsult.Line.Webhook;

namespace OrleansConsult.Tests.Line;

public sealed class WebhookParserTests
{
    private static string Event(string type, string extra, string source = """{"type":"user","userId":"U1"}""", string mode = "active", bool redelivery = false, string? replyToken = "rt") =>
        $$"""{"type":"{{type}}","mode":"{{mode}}","timestamp":1732400000000,"source":{{source}},"webhookEventId":"{{type}}-{{Guid.NewGuid():N}}","deliveryContext":{"isRedelivery":{{(redelivery ? "true" : "false")}}}{{(replyToken is null ? "" : $",\"replyToken\":\"{replyToken}\"")}}{{extra}}}""";

    private static WebhookRequest Parse(params string[] events) =>
        WebhookParser.Parse(Encoding.UTF8.GetBytes($$"""{"destination":"Ubot","events":[{{string.Join(",", events)}}]}"""));

    [Fact]
    public void Every_event_type_of_the_api_parses_to_its_record()
    {
        var webhook = Parse(
            Event("message", ""","message":{"type":"text","id":"1","text":"hi"}"""),
            Event("follow", ""","follow":{"isUnblocked":true}"""),
            Event("unfollow", "", replyToken: null),
            Event("postback", ""","postback":{"data":"action=consent&v=yes","params":{"datetime":"2026-11-25T10:00","newRichMenuAliasId":"menu-2","status":"SUCCESS"}}"""),
            Event("join", "", source: """{"type":"group","groupId":"G1"}"""),
            Event("leave", "", source: """{"type":"group","groupId":"G1"}""", replyToken: null),
            Event("memberJoined", ""","joined":{"members":[{"type":"user","userId":"U2"}]}""", source: """{"type":"group","groupId":"G1"}"""),
            Event("memberLeft", ""","left":{"members":[{"type":"user","userId":"U3"}]}""", source: """{"type":"room","roomId":"R1"}""", replyToken: null),
            Event("accountLink", ""","link":{"result":"ok","nonce":"n1"}"""),
            Event("unsend", ""","unsend":{"messageId":"325708"}""", replyToken: null),
            Event("videoPlayComplete", ""","videoPlayComplete":{"trackingId":"track-1"}"""),
            Event("beacon", ""","beacon":{"hwid":"d41d8cd98f","type":"enter","dm":"1234"}"""),
            Event("membership", ""","membership":{"type":"joined","membershipId":3189}"""),
            Event("messageEdited", ""","message":{"type":"text","id":"1","text":"edited"}"""));

        Assert.Equal("Ubot", webhook.Destination);
        Assert.Collection(webhook.Events,
            e => Assert.Equal("hi", Assert.IsType<TextMessageContent>(Assert.IsType<MessageEvent>(e).Message).Text),
            e => Assert.True(Assert.IsType<FollowEvent>(e).Follow!.IsUnblocked),
            e => Assert.Null(Assert.IsType<UnfollowEvent>(e).ReplyToken),
            e =>
            {
                var postback = Assert.IsType<PostbackEvent>(e).Postback;
                Assert.Equal("action=consent&v=yes", postback.Data);
                Assert.Equal("2026-11-25T10:00", postback.Params!.Datetime);
                Assert.Equal("menu-2", postback.Params.NewRichMenuAliasId);
                Assert.Equal("SUCCESS", postback.Params.Status);
            },
            e => Assert.Equal(SourceKind.Group, Assert.IsType<JoinEvent>(e).Source!.Kind),
            e => Assert.IsType<LeaveEvent>(e),
            e => Assert.Equal("U2", Assert.IsType<MemberJoinedEvent>(e).Joined!.Members.Single().UserId),
            e => Assert.Equal(SourceKind.Room, Assert.IsType<MemberLeftEvent>(e).Source!.Kind),
            e => Assert.Equal("ok", Assert.IsType<AccountLinkEvent>(e).Link!.Result),
            e => Assert.Equal("325708", Assert.IsType<UnsendEvent>(e).Unsend!.MessageId),
            e => Assert.Equal("track-1", Assert.IsType<VideoPlayCompleteEvent>(e).VideoPlayComplete!.TrackingId),
            e => Assert.Equal("enter", Assert.IsType<BeaconEvent>(e).Beacon!.Type),
            e => Assert.Equal(3189, Assert.IsType<MembershipEvent>(e).Membership!.MembershipId),
            e => Assert.Equal("edited", Assert.IsType<TextMessageContent>(Assert.IsType<MessageEditedEvent>(e).Message).Text));
        Assert.All(webhook.Events, e => Assert.False(string.IsNullOrEmpty(e.WebhookEventId)));
    }

    [Fact]
    public void Every_message_type_parses_to_its_record()
    {
        var webhook = Parse(
            Event("message", ""","message":{"type":"image","id":"2","contentProvider":{"type":"line"},"imageSet":{"id":"set","index":1,"total":2}}"""),
            Event("message", ""","message":{"type":"video","id":"3","duration":60000,"contentProvider":{"type":"external","originalContentUrl":"https://example.com/v.mp4"}}"""),
            Event("message", ""","message":{"type":"audio","id":"4","duration":1500,"contentProvider":{"type":"line"}}"""),
            Event("message", ""","message":{"type":"file","id":"5","fileName":"memo.pdf","fileSize":2048}"""),
            Event("message", ""","message":{"type":"location","id":"6","title":"富山駅","address":"富山県富山市","latitude":36.70,"longitude":137.21}"""),
            Event("message", ""","message":{"type":"sticker","id":"7","packageId":"446","stickerId":"1988","stickerResourceType":"ANIMATION","keywords":["hug"]}"""),
            Event("message", ""","message":{"type":"hologram","id":"8"}"""));

        var contents = webhook.Events.Cast<MessageEvent>().Select(e => e.Message).ToList();
        Assert.Equal(2, Assert.IsType<ImageMessageContent>(contents[0]).ImageSet!.Total);
        Assert.Equal(60000, Assert.IsType<VideoMessageContent>(contents[1]).Duration);
        Assert.Equal("line", Assert.IsType<AudioMessageContent>(contents[2]).ContentProvider!.Type);
        Assert.Equal("memo.pdf", Assert.IsType<FileMessageContent>(contents[3]).FileName);
        Assert.Equal(137.21, Assert.IsType<LocationMessageContent>(contents[4]).Longitude);
        Assert.Equal("1988", Assert.IsType<StickerMessageContent>(contents[5]).StickerId);
        Assert.Equal("hologram", Assert.IsType<UnknownMessageContent>(contents[6]).Type);
    }

    [Fact]
    public void Unknown_event_and_source_types_are_kept_not_rejected()
    {
        var webhook = Parse(Event("teleport", ""","teleport":{"to":"moon"}""", source: """{"type":"spaceship","shipId":"S1"}"""));

        var unknown = Assert.IsType<UnknownEvent>(Assert.Single(webhook.Events));
        Assert.Equal("teleport", unknown.Type);
        Assert.Equal(SourceKind.Unknown, unknown.Source!.Kind);
    }

    [Fact]
    public void Standby_redelivery_mentions_and_emojis_are_read()
    {
        var webhook = Parse(
            Event("message", ""","message":{"type":"text","id":"1","text":"@bot 助けて $","emojis":[{"index":10,"length":1,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"001"}],"mention":{"mentionees":[{"index":0,"length":4,"type":"user","userId":"Ubot","isSelf":true}]},"quotedMessageId":"99"}""",
                mode: "standby", redelivery: true, replyToken: null));

        var message = Assert.IsType<MessageEvent>(Assert.Single(webhook.Events));
        Assert.True(message.IsStandby);
        Assert.True(message.IsRedelivery);
        Assert.Null(message.ReplyToken);
        var text = Assert.IsType<TextMessageContent>(message.Message);
        Assert.Equal("001", text.Emojis!.Single().EmojiId);
        Assert.True(text.Mention!.Mentionees.Single().IsSelf);
        Assert.Equal("99", text.QuotedMessageId);
    }

    [Fact]
    public void An_empty_events_array_is_lines_connection_check() =>
        Assert.Empty(WebhookParser.Parse("""{"destination":"U0","events":[]}"""u8.ToArray()).Events);

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2,3]")]
    [InlineData("""{"destination":"U0"}""")]
    [InlineData("""{"events":{}}""")]
    [InlineData("""{"events":[42]}""")]
    [InlineData("""{"events":[{"mode":"active"}]}""")]
    [InlineData("""{"events":[{"type":"follow","timestamp":"yesterday","webhookEventId":"x"}]}""")]
    [InlineData("""{"events":[{"type":"message","webhookEventId":"x"}]}""")]
    [InlineData("""{"events":[{"type":"follow"}]}""")]
    [InlineData("""{"events":[{"type":"message","webhookEventId":"x","message":{"type":"text","text":""")]
    public void Anything_that_is_not_a_webhook_is_a_format_error(string body) =>
        Assert.Throws<WebhookFormatException>(() => WebhookParser.Parse(Encoding.UTF8.GetBytes(body)));
}
