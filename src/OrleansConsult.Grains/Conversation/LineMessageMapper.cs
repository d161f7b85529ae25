using OrleansConsult.Abstractions;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Grains.Conversation;

/// <summary>Turns the grains' <see cref="Outgoing"/> into LINE messages within LINE's limits.</summary>
public static class LineMessageMapper
{
    public static LineMessage ToLine(Outgoing outgoing)
    {
        LineMessage message = outgoing.Card is { } card
            ? new FlexMessage(Clip(card.Title + " " + card.Body, LineMessageValidator.MaxFlexAltText), Bubble(card))
            : new TextMessage(Clip(outgoing.Text, LineMessageValidator.MaxTextLength));
        if (outgoing.QuickReplies is { Count: > 0 } choices)
        {
            message = message with
            {
                QuickReply = new QuickReply(choices.Take(LineMessageValidator.MaxQuickReplyItems)
                    .Select(c => new QuickReplyItem(Action(c, LineMessageValidator.MaxActionLabel))).ToList()),
            };
        }
        return message;
    }

    private static FlexBubble Bubble(Card card) => new()
    {
        Header = new FlexBox("vertical", [new FlexText(card.Title) { Weight = "bold", Color = card.Urgent ? "#D32F2F" : null, Wrap = true }]),
        Body = new FlexBox("vertical", [new FlexText(Clip(card.Body, 2000)) { Wrap = true, Size = "sm" }]),
        Footer = card.Buttons.Count == 0
            ? null
            : new FlexBox("vertical", card.Buttons.Select((b, i) =>
                (FlexComponent)new FlexButton(Action(b, LineMessageValidator.MaxFlexActionLabel)) { Style = i == 0 ? "primary" : "secondary" }).ToList())
            { Spacing = "sm" },
    };

    private static LineAction Action(Choice choice, int maxLabel)
    {
        var label = Clip(choice.Label, maxLabel);
        if (choice.Uri is { } uri)
        {
            return new UriAction(label, uri);
        }
        if (choice.PostbackData is { } data)
        {
            return new PostbackAction(label, data) { DisplayText = Clip(choice.Text ?? choice.Label, LineMessageValidator.MaxDisplayText) };
        }
        return new MessageAction(label, Clip(choice.Text ?? choice.Label, LineMessageValidator.MaxMessageActionText));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
