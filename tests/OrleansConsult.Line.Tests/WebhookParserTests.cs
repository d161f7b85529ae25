using System.Text;
using OrleansConsult.Line.Webhook;

namespace OrleansConsult.Line.Tests;

public sealed class WebhookParserTests
{
    private static WebhookRequest Parse(params string[] events) =>
        WebhookParser.Parse(Encoding.UTF8.GetBytes($$"""{"destination":"Ubot","events":[{{string.Join(",", events)}}]}"""));

    /// <summary>An event with the common fields; "type" last on purpose: order must not matter.</summary>
    private static string Event(string type, string extra = "", string mode = "active", bool reply = true, string source = """{"type":"user","userId":"U1"}""", bool redelivery = false) =>
        $$"""{{{(reply ? "\"replyToken\":\"rt\"," : "")}}"mode":"{{mode}}","timestamp":1462629479859,"source":{{source}},"webhookEventId":"01FZ74A0TDDPYRVKNK77XKC3ZR","deliveryContext":{"isRedelivery":{{(redelivery ? "true" : "false")}}}{{extra}},"type":"{{type}}"}""";

    private static string Message(string json) => $$""","message":{{json}}""";

    [Fact]
    public void Every_message_type_parses_typed()
    {
        var webhook = Parse(
            Event("message", Message("""{"id":"1","quoteToken":"q","text":"@bot こんにちは (love)","emojis":[{"index":14,"length":6,"productId":"5ac1bfd5040ab15980c9b435","emojiId":"001"}],"mention":{"mentionees":[{"index":0,"length":4,"type":"user","userId":"Ubot","isSelf":true}]},"quotedMessageId":"0","type":"text"}""")),
            Event("message", Message("""{"type":"image","id":"2","contentProvider":{"type":"line"},"imageSet":{"id":"S","index":1,"total":2}}""")),
            Event("message", Message("""{"type":"video","id":"3","duration":60000,"contentProvider":{"type":"external","originalContentUrl":"https://x/v.mp4","previewImageUrl":"https://x/p.jpg"}}""")),
            Event("message", Message("""{"type":"audio","id":"4","duration":1200,"contentProvider":{"type":"line"}}""")),
            Event("message", Message("""{"type":"file","id":"5","fileName":"母子手帳.pdf","fileSize":2138}""")),
            Event("message", Message("""{"type":"location","id":"6","title":"病院","address":"東京都","latitude":35.65910807942215,"longitude":139.70372892916203}""")),
            Event("message", Message("""{"type":"sticker","id":"7","packageId":"446","stickerId":"1988","stickerResourceType":"ANIMATION","keywords":["happy"]}""")),
            Event("message", Message("""{"type":"hologram","id":"8"}""")));

        var e = webhook.Events.Cast<MessageEvent>().Select(m => m.Message).ToList();
        var text = Assert.IsType<TextMessageContent>(e[0]);
        Assert.Equal("@bot こんにちは (love)", text.Text);
        Assert.Equal("5ac1bfd5040ab15980c9b435", Assert.Single(text.Emojis!).ProductId);
        Assert.True(Assert.Single(text.Mention!.Mentionees).IsSelf);
        Assert.Equal("0", text.QuotedMessageId);
        Assert.Equal(2, Assert.IsType<ImageMessageContent>(e[1]).ImageSet!.Total);
        Assert.Equal(60000, Assert.IsType<VideoMessageContent>(e[2]).Duration);
        Assert.Equal(1200, Assert.IsType<AudioMessageContent>(e[3]).Duration);
        Assert.Equal("母子手帳.pdf", Assert.IsType<FileMessageContent>(e[4]).FileName);
        Assert.Equal(139.70372892916203, Assert.IsType<LocationMessageContent>(e[5]).Longitude);
        Assert.Equal("1988", Assert.IsType<StickerMessageContent>(e[6]).StickerId);
        Assert.Equal("hologram", Assert.IsType<UnknownMessageContent>(e[7]).Type);
    }

    [Fact]
    public void Every_event_type_parses_typed()
    {
        var webhook = Parse(
            Event("follow", ""","follow":{"isUnblocked":true}"""),
            Event("unfollow", reply: false),
            Event("postback", ""","postback":{"data":"action=offer&case=1","params":{"date":"2026-11-24","time":"10:00","datetime":"2026-11-24T10:00","newRichMenuAliasId":"menu-b","status":"SUCCESS"}}"""),
            Event("join", source: """{"type":"group","groupId":"G1","userId":"U1"}"""),
            Event("leave", reply: false, source: """{"type":"room","roomId":"R1"}"""),
            Event("memberJoined", ""","joined":{"members":[{"type":"user","userId":"U2"}]}""", source: """{"type":"group","groupId":"G1"}"""),
            Event("memberLeft", ""","left":{"members":[{"type":"user","userId":"U3"}]}""", reply: false, source: """{"type":"group","groupId":"G1"}"""),
            Event("accountLink", ""","link":{"result":"ok","nonce":"n"}"""),
            Event("unsend", ""","unsend":{"messageId":"325708"}""", reply: false),
            Event("videoPlayComplete", ""","videoPlayComplete":{"trackingId":"track-1"}"""),
            Event("beacon", ""","beacon":{"hwid":"d41d8cd98f","type":"enter","dm":"1234"}"""),
            Event("membership", ""","membership":{"type":"joined","membershipId":3189}"""),
            Event("messageEdited", Message("""{"type":"text","id":"9","text":"edited"}""")));

        var events = webhook.Events;
        Assert.True(Assert.IsType<FollowEvent>(events[0]).Follow!.IsUnblocked);
        Assert.Null(Assert.IsType<UnfollowEvent>(events[1]).ReplyToken);
        var postback = Assert.IsType<PostbackEvent>(events[2]).Postback;
        Assert.Equal(("action=offer&case=1", "2026-11-24", "10:00", "2026-11-24T10:00", "menu-b", "SUCCESS"),
            (postback.Data, postback.Params!.Date, postback.Params.Time, postback.Params.Datetime, postback.Params.NewRichMenuAliasId, postback.Params.Status));
        Assert.Equal((SourceKind.Group, "G1"), (events[3].Source!.Kind, events[3].Source!.GroupId));
        Assert.Equal((SourceKind.Room, "R1"), (Assert.IsType<LeaveEvent>(events[4]).Source!.Kind, events[4].Source!.RoomId));
        Assert.Equal("U2", Assert.Single(Assert.IsType<MemberJoinedEvent>(events[5]).Joined!.Members).UserId);
        Assert.Equal("U3", Assert.Single(Assert.IsType<MemberLeftEvent>(events[6]).Left!.Members).UserId);
        Assert.Equal("ok", Assert.IsType<AccountLinkEvent>(events[7]).Link!.Result);
        Assert.Equal("325708", Assert.IsType<UnsendEvent>(events[8]).Unsend!.MessageId);
        Assert.Equal("track-1", Assert.IsType<VideoPlayCompleteEvent>(events[9]).VideoPlayComplete!.TrackingId);
        Assert.Equal("enter", Assert.IsType<BeaconEvent>(events[10]).Beacon!.Type);
        Assert.Equal(3189, Assert.IsType<MembershipEvent>(events[11]).Membership!.MembershipId);
        Assert.Equal("edited", Assert.IsType<TextMessageContent>(Assert.IsType<MessageEditedEvent>(events[12]).Message).Text);
        Assert.All(events, e => Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", e.WebhookEventId));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1462629479859), events[0].Time);
    }

    [Fact]
    public void Unknown_event_and_source_types_are_kept_not_errors()
    {
        var webhook = Parse(Event("teleport", ""","teleport":{"to":"moon"}""", source: """{"type":"spaceship","shipId":"S1"}"""));
        var unknown = Assert.IsType<UnknownEvent>(Assert.Single(webhook.Events));
        Assert.Equal("teleport", unknown.Type);
        Assert.Equal(SourceKind.Unknown, unknown.Source!.Kind);
        Assert.Equal("spaceship", unknown.Source.Type);
    }

    [Fact]
    public void Standby_without_reply_token_and_redelivery_flag()
    {
        var webhook = Parse(
            Event("message", Message("""{"type":"text","id":"1","text":"hi"}"""), mode: "standby", reply: false),
            Event("message", Message("""{"type":"text","id":"2","text":"again"}"""), redelivery: true));
        Assert.True(webhook.Events[0].IsStandby);
        Assert.Null(webhook.Events[0].ReplyToken);
        Assert.False(webhook.Events[0].IsRedelivery);
        Assert.True(webhook.Events[1].IsRedelivery);
        Assert.Equal("Ubot", webhook.Destination);
    }

    [Theory]
    [InlineData("""{"events":null}""", "not a webhook: no events array")]
    [InlineData("""{"destination":"U"}""", "not a webhook: no events array")]
    [InlineData("""null""", "not a webhook: the body is not a JSON object")]
    [InlineData("""{"events":[""", "malformed JSON")]
    [InlineData("""{"events":[]} {}""", "malformed JSON")]
    public void Not_the_webhook_shape_throws_with_a_short_reason(string body, string reason) =>
        Assert.Equal(reason, Assert.Throws<WebhookFormatException>(() => WebhookParser.Parse(Encoding.UTF8.GetBytes(body))).Message);

    [Theory]
    [InlineData("""{"type":"message","webhookEventId":"x"}""", "message", "no message object")]
    [InlineData("""{"webhookEventId":"x"}""", null, "no type")]
    [InlineData("""{"type":"follow","webhookEventId":"x","timestamp":"soon"}""", "follow", "a field has the wrong type")]
    [InlineData("""{"type":"message","webhookEventId":"x","message":{"type":"text","id":1}}""", "message", "a field has the wrong type")]
    [InlineData("""   "follow"   """, null, "not a JSON object")]
    public void One_unreadable_event_is_skipped_and_the_others_are_kept(string odd, string? type, string reason)
    {
        var webhook = Parse(
            Event("message", Message("""{"type":"text","id":"1","text":"前"}""")),
            odd,
            Event("follow"));

        Assert.Equal(2, webhook.Events.Count);
        Assert.Equal("前", Assert.IsType<TextMessageContent>(Assert.IsType<MessageEvent>(webhook.Events[0]).Message).Text);
        Assert.IsType<FollowEvent>(webhook.Events[1]);
        Assert.Equal(new SkippedEvent(1, type, reason), Assert.Single(webhook.Skipped));
    }

    /// <summary>An event the way some of LINE's older payloads and SDK fixtures have it: no webhookEventId.</summary>
    private static string WithoutId(string text, bool redelivery = false) =>
        $$$"""{"type":"message","replyToken":"rt","source":{"type":"user","userId":"U1"},"timestamp":1462629479859,"mode":"active","deliveryContext":{"isRedelivery":{{{(redelivery ? "true" : "false")}}}},"message":{"id":"325708","type":"text","text":"{{{text}}}"}}""";

    [Fact]
    public void An_event_without_webhook_event_id_gets_a_key_derived_from_its_content()
    {
        var first = Assert.Single(Parse(WithoutId("こんにちは")).Events).WebhookEventId;
        var again = Assert.Single(Parse(WithoutId("こんにちは")).Events).WebhookEventId;
        var redelivered = Assert.Single(Parse(WithoutId("こんにちは", redelivery: true)).Events).WebhookEventId;
        var other = Assert.Single(Parse(WithoutId("こんばんは")).Events).WebhookEventId;

        Assert.StartsWith(WebhookParser.DerivedIdPrefix, first);
        // SHA-256 in base64url without padding: 43 characters, nothing of the content readable.
        Assert.Equal(WebhookParser.DerivedIdPrefix.Length + 43, first.Length);
        Assert.DoesNotContain("U1", first);
        Assert.Equal(first, again);
        Assert.Equal(first, redelivered); // isRedelivery is not part of the key
        Assert.NotEqual(first, other);
        Assert.Empty(Parse(WithoutId("x")).Skipped);
    }

    [Fact]
    public void An_empty_webhook_event_id_is_derived_too_and_a_given_one_is_kept()
    {
        var webhook = Parse(WithoutId("a").Replace("\"mode\"", "\"webhookEventId\":\"\",\"mode\""), Event("follow"));
        Assert.StartsWith(WebhookParser.DerivedIdPrefix, webhook.Events[0].WebhookEventId);
        Assert.Equal("01FZ74A0TDDPYRVKNK77XKC3ZR", webhook.Events[1].WebhookEventId);
    }

    [Fact]
    public void More_events_than_the_cap_refuse_the_body_and_the_cap_itself_is_fine()
    {
        var events = Enumerable.Range(0, 4).Select(_ => Event("follow")).ToArray();
        var body = Encoding.UTF8.GetBytes($$"""{"events":[{{string.Join(",", events)}}]}""");

        Assert.Equal(4, WebhookParser.Parse(body, maxEvents: 4).Events.Count);
        var ex = Assert.Throws<WebhookFormatException>(() => WebhookParser.Parse(body, maxEvents: 3));
        Assert.Equal("too many events: 4, at most 3", ex.Message);
    }
}
