using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Tests;

public sealed class MessageValidationTests
{
    private static PostbackAction Postback(string label = "対応する", string data = "a=1") => new(label, data);

    private static LineMessageValidationException Invalid(params LineMessage[] messages) =>
        Assert.Throws<LineMessageValidationException>(() => LineMessageValidator.ValidateMessages(messages));

    [Fact]
    public void Text_of_5001_characters()
    {
        LineMessageValidator.ValidateMessages([new TextMessage(new string('あ', 5000))]);
        var ex = Invalid(new TextMessage(new string('あ', 5001)));
        Assert.Equal("messages[0].text", ex.Field);
        Assert.Contains("5000", ex.Message);
    }

    [Fact]
    public void Fourteen_quick_replies()
    {
        var items = Enumerable.Range(0, 14).Select(i => new QuickReplyItem(new MessageAction($"#{i}", "x"))).ToList();
        var ex = Invalid(new TextMessage("q") { QuickReply = new QuickReply(items) });
        Assert.Equal("messages[0].quickReply.items", ex.Field);
        Assert.Contains("13", ex.Message);
    }

    [Fact]
    public void Label_of_21_characters()
    {
        var ex = Invalid(new TextMessage("q") { QuickReply = new QuickReply([new QuickReplyItem(Postback(label: new string('x', 21)))]) });
        Assert.Equal("messages[0].quickReply.items[0].action.label", ex.Field);
        Assert.Contains("20", ex.Message);
    }

    [Fact]
    public void Postback_data_of_301_characters()
    {
        var template = new TemplateMessage("offer", new ConfirmTemplate { Text = "相談を受けますか", Actions = [Postback(), Postback(data: new string('d', 301))] });
        var ex = Invalid(template);
        Assert.Equal("messages[0].template.actions[1].data", ex.Field);
        Assert.Contains("300", ex.Message);
    }

    [Fact]
    public void Six_messages()
    {
        var ex = Invalid(Enumerable.Range(0, 6).Select(i => (LineMessage)new TextMessage($"{i}")).ToArray());
        Assert.Equal("messages", ex.Field);
        Assert.Contains("5", ex.Message);
    }

    [Fact]
    public void Confirm_needs_two_actions_and_multicast_at_most_500()
    {
        Assert.Equal("messages[0].template.actions",
            Invalid(new TemplateMessage("alt", new ConfirmTemplate { Text = "t", Actions = [Postback()] })).Field);
        Assert.Throws<LineMessageValidationException>(() =>
            LineMessageValidator.ValidateRecipients(Enumerable.Range(0, 501).Select(i => $"U{i}").ToList()));
    }

    [Fact]
    public void A_full_flex_bubble_with_tel_uri_is_valid_and_serializes_with_types()
    {
        var bubble = new FlexMessage("相談の申し込み", new FlexBubble
        {
            Header = new FlexBox("vertical", [new FlexText("新しい相談") { Weight = "bold" }]),
            Body = new FlexBox("vertical", [new FlexText("地域: 東京") { Wrap = true }, new FlexSeparator()]),
            Footer = new FlexBox("horizontal", [new FlexButton(Postback()) { Style = "primary" }, new FlexButton(new UriAction("電話", "tel:0120000000"))]),
        });
        LineMessageValidator.ValidateMessages([bubble]);
        var json = Outbox.OutboxMessages.Serialize([bubble]);
        Assert.Contains("\"type\":\"flex\"", json);
        Assert.Contains("\"type\":\"bubble\"", json);
        Assert.Contains("\"type\":\"separator\"", json);
        Assert.Contains("\"header\":{\"type\":\"box\"", json);
        var back = Assert.IsType<FlexMessage>(Assert.Single(Outbox.OutboxMessages.Deserialize(json)));
        Assert.Equal("相談の申し込み", back.AltText);
        Assert.Equal("horizontal", back.Contents.Footer!.Layout);
    }
}
