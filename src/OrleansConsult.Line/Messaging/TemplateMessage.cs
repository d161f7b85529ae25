namespace OrleansConsult.Line.Messaging;

public sealed record TemplateMessage(string AltText, LineTemplate Template) : LineMessage;
