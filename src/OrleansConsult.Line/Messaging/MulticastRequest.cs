namespace OrleansConsult.Line.Messaging;

public sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<LineMessage> Messages);
