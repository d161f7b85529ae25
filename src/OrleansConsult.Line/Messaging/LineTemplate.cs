using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ButtonsTemplate), "buttons")]
[JsonDerivedType(typeof(ConfirmTemplate), "confirm")]
public abstract record LineTemplate
{
    public string Text { get; init; } = "";
    public IReadOnlyList<LineAction> Actions { get; init; } = [];
}
