namespace OrleansConsult.Line.Messaging;

public sealed record LineErrorDetail(string? Message, string? Property);
