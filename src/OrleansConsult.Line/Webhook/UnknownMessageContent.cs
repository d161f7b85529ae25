namespace OrleansConsult.Line.Webhook;

public sealed record UnknownMessageContent : MessageContent;
