namespace OrleansConsult.Line.Messaging;

/// <summary>Style is "primary", "secondary" or "link".</summary>
public sealed record FlexButton(LineAction Action) : FlexComponent
{
    public string? Style { get; init; }
    public string? Height { get; init; }
}
