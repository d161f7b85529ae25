namespace OrleansConsult.Line.Webhook;

/// <summary>An event of the body that was not usable (its position and why; never its content).</summary>
public sealed record SkippedEvent(int Index, string? Type, string Reason);
