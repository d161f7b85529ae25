namespace OrleansConsult.Line.Messaging;

public sealed record FlexSeparator : FlexComponent;
