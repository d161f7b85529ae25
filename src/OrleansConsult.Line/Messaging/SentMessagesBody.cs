namespace OrleansConsult.Line.Messaging;

public sealed record SentMessagesBody(IReadOnlyList<SentMessage>? SentMessages);
