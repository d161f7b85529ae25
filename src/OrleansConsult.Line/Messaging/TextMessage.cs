namespace OrleansConsult.Line.Messaging;

public sealed record TextMessage(string Text) : LineMessage;
