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
