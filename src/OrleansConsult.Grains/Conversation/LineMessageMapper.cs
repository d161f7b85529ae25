using OrleansConsult.Abstractions;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Grains.Conversation;

/// <summary>Turns the grains' <see cref="Outgoing"/> into LINE messages within LINE's limits.</summary>
public static class LineMessageMapper
{
    /// <summary>
    /// The LINE messages for one <see cref="Outgoing"/>: its text (or card), and with stored media the
    /// same kind of message as arrived (image and video with a preview, audio with its duration) on
    /// the Host's signed URLs; a file is a text with its link. Quick replies go on the last message.
    /// Without <paramref name="links"/> (no public URL) the media is named in the text instead.
    /// </summary>
    public static IReadOnlyList<LineMessage> ToLineMessages(Outgoing outgoing, IMediaLinks? links)
    {
        if (outgoing.Media is not { Stored: true } media)
        {
            return [ToLine(outgoing)];
        }
        var plain = outgoing with { Media = null };
        if (links is null)
        {
            var named = Texts.BotText.DescribeNonText(media.Kind);
            return [ToLine(plain with { Text = string.IsNullOrEmpty(plain.Text) ? named : plain.Text })];
        }
        var urls = links.For(media);
        if (media.Kind == MediaRef.File || (media.Kind == MediaRef.Video && urls.Preview is null))
        {
            var line = Texts.BotText.Format("Media.FileLink", media.FileName ?? Texts.BotText.DescribeNonText(media.Kind), MediaRelay.Size(media.Size), urls.Original, urls.ValidMinutes);
            return [ToLine(plain with { Text = string.IsNullOrEmpty(plain.Text) ? line : plain.Text + "\n" + line })];
        }
        LineMessage content = media.Kind switch
        {
            MediaRef.Image => new ImageMessage(urls.Original, urls.Preview ?? urls.Original),
            MediaRef.Video => new VideoMessage(urls.Original, urls.Preview!),
            _ => new AudioMessage(urls.Original, Math.Max(1, media.DurationMs ?? 1)),
        };
        if (string.IsNullOrEmpty(plain.Text))
        {
            return [WithQuickReplies(content, plain.QuickReplies)];
        }
        return [ToLine(plain with { QuickReplies = null }), WithQuickReplies(content, plain.QuickReplies)];
    }

    private static LineMessage WithQuickReplies(LineMessage message, IReadOnlyList<Choice>? choices) =>
        choices is { Count: > 0 }
            ? message with
            {
                QuickReply = new QuickReply(choices.Take(LineMessageValidator.MaxQuickReplyItems)
                    .Select(c => new QuickReplyItem(Action(c, LineMessageValidator.MaxActionLabel))).ToList()),
            }
            : message;

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
