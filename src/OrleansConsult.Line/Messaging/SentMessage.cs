namespace OrleansConsult.Line.Messaging;

public sealed record SentMessage(string Id, string? QuoteToken = null);
