namespace OrleansConsult.Abstractions;

/// <summary>A button: sends <see cref="Text"/> as if typed, or <see cref="PostbackData"/>, or opens <see cref="Uri"/> (tel:).</summary>
[GenerateSerializer, Immutable, Alias("oc.Choice")]
public sealed record Choice(
    [property: Id(0)] string Label,
    [property: Id(1)] string? Text = null,
    [property: Id(2)] string? PostbackData = null,
    [property: Id(3)] string? Uri = null);
