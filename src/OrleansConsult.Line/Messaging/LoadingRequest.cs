namespace OrleansConsult.Line.Messaging;

public sealed record LoadingRequest(string ChatId, int LoadingSeconds);
