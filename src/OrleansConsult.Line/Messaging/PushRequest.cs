namespace OrleansConsult.Line.Messaging;

public sealed record PushRequest(string To, IReadOnlyList<LineMessage> Messages);
