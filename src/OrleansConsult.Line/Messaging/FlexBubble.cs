using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

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
