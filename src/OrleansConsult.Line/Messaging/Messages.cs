using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

/// <summary>A message the bot sends. The "type" discriminator is written by the serializer.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextMessage), "text")]
[JsonDerivedType(typeof(TemplateMessage), "template")]
[JsonDerivedType(typeof(FlexMessage), "flex")]
[JsonDerivedType(typeof(ImageMessage), "image")]
[JsonDerivedType(typeof(VideoMessage), "video")]
[JsonDerivedType(typeof(AudioMessage), "audio")]
public abstract record LineMessage
{
    public QuickReply? QuickReply { get; init; }
}

public sealed record TextMessage(string Text) : LineMessage;

public sealed record TemplateMessage(string AltText, LineTemplate Template) : LineMessage;

public sealed record FlexMessage(string AltText, FlexBubble Contents) : LineMessage;

/// <summary>HTTPS URLs; the original JPEG or PNG up to 10 MB, the preview up to 1 MB.</summary>
public sealed record ImageMessage(string OriginalContentUrl, string PreviewImageUrl) : LineMessage;

/// <summary>HTTPS URLs; an mp4 up to 200 MB and a JPEG or PNG preview up to 1 MB.</summary>
public sealed record VideoMessage(string OriginalContentUrl, string PreviewImageUrl) : LineMessage;

/// <summary>An HTTPS URL of an mp3 or m4a up to 200 MB; <see cref="Duration"/> in milliseconds.</summary>
public sealed record AudioMessage(string OriginalContentUrl, long Duration) : LineMessage;

public sealed record QuickReply(IReadOnlyList<QuickReplyItem> Items);

public sealed record QuickReplyItem(LineAction Action)
{
    public string Type => "action";
    public string? ImageUrl { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PostbackAction), "postback")]
[JsonDerivedType(typeof(MessageAction), "message")]
[JsonDerivedType(typeof(UriAction), "uri")]
[JsonDerivedType(typeof(DatetimePickerAction), "datetimepicker")]
public abstract record LineAction
{
    /// <summary>The text on the button (quick reply, template, flex).</summary>
    [JsonIgnore] public abstract string ButtonLabel { get; }
}

/// <summary>Sends <see cref="Data"/> back as a postback event; <see cref="DisplayText"/> shows in the chat as the user's message.</summary>
public sealed record PostbackAction(string Label, string Data) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
    public string? DisplayText { get; init; }
}

public sealed record MessageAction(string Label, string Text) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
}

/// <summary>Opens a URL; "tel:" numbers work too (emergency lines).</summary>
public sealed record UriAction(string Label, string Uri) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
}

/// <summary>Mode is "date", "time" or "datetime".</summary>
public sealed record DatetimePickerAction(string Label, string Data, string Mode) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
    public string? Initial { get; init; }
    public string? Max { get; init; }
    public string? Min { get; init; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonsTemplate), "buttons")]
[JsonDerivedType(typeof(ConfirmTemplate), "confirm")]
public abstract record LineTemplate
{
    public string Text { get; init; } = "";
    public IReadOnlyList<LineAction> Actions { get; init; } = [];
}

public sealed record ButtonsTemplate : LineTemplate
{
    public string? Title { get; init; }
    public string? ThumbnailImageUrl { get; init; }
}

/// <summary>Exactly two actions, e.g. [対応する][見送る].</summary>
public sealed record ConfirmTemplate : LineTemplate;

/// <summary>A bubble of boxes; the typed subset the bot needs (text, button, separator).</summary>
public sealed record FlexBubble
{
    public string Type => "bubble";
    [JsonIgnore] public FlexBox? Header { get; init; }
    [JsonIgnore] public FlexBox? Body { get; init; }
    [JsonIgnore] public FlexBox? Footer { get; init; }

    // Written through the base type so the box carries its "type":"box" discriminator, which LINE requires.
    [JsonPropertyName("header")] public FlexComponent? HeaderJson { get => Header; init => Header = value as FlexBox; }
    [JsonPropertyName("body")] public FlexComponent? BodyJson { get => Body; init => Body = value as FlexBox; }
    [JsonPropertyName("footer")] public FlexComponent? FooterJson { get => Footer; init => Footer = value as FlexBox; }
}

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBox), "box")]
[JsonDerivedType(typeof(FlexText), "text")]
[JsonDerivedType(typeof(FlexButton), "button")]
[JsonDerivedType(typeof(FlexSeparator), "separator")]
public abstract record FlexComponent
{
    public string? Margin { get; init; }
}

/// <summary>Layout is "vertical", "horizontal" or "baseline".</summary>
public sealed record FlexBox(string Layout, IReadOnlyList<FlexComponent> Contents) : FlexComponent
{
    public string? Spacing { get; init; }
}

public sealed record FlexText(string Text) : FlexComponent
{
    public string? Size { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? Wrap { get; init; }
}

/// <summary>Style is "primary", "secondary" or "link".</summary>
public sealed record FlexButton(LineAction Action) : FlexComponent
{
    public string? Style { get; init; }
    public string? Height { get; init; }
}

public sealed record FlexSeparator : FlexComponent;
