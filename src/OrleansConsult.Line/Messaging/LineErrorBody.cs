namespace OrleansConsult.Line.Messaging;

/// <summary>LINE's error body: {"message": "...", "details": [{"message": "...", "property": "..."}]}.</summary>
public sealed record LineErrorBody(string? Message, IReadOnlyList<LineErrorDetail>? Details = null);
