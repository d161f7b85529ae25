namespace OrleansConsult.Line.Messaging;

public sealed record MarkAsReadRequest(string MarkAsReadToken);
