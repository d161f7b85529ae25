namespace OrleansConsult.Abstractions;

[GenerateSerializer, Immutable, Alias("oc.Card")]
public sealed record Card(
    [property: Id(0)] string Title,
    [property: Id(1)] string Body,
    [property: Id(2)] IReadOnlyList<Choice> Buttons,
    [property: Id(3)] bool Urgent = false);
