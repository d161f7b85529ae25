using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FlexBox), "box")]
[JsonDerivedType(typeof(FlexText), "text")]
[JsonDerivedType(typeof(FlexButton), "button")]
[JsonDerivedType(typeof(FlexSeparator), "separator")]
public abstract record FlexComponent
{
    public string? Margin { get; init; }
}
