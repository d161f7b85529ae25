namespace OrleansConsult.Line.Messaging;

/// <summary>Layout is "vertical", "horizontal" or "baseline".</summary>
public sealed record FlexBox(string Layout, IReadOnlyList<FlexComponent> Contents) : FlexComponent
{
    public string? Spacing { get; init; }
}
