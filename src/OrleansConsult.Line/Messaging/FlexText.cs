namespace OrleansConsult.Line.Messaging;

public sealed record FlexText(string Text) : FlexComponent
{
    public string? Size { get; init; }
    public string? Weight { get; init; }
    public string? Color { get; init; }
    public bool? Wrap { get; init; }
}
