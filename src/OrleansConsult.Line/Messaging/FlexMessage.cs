namespace OrleansConsult.Line.Messaging;

public sealed record FlexMessage(string AltText, FlexBubble Contents) : LineMessage;
