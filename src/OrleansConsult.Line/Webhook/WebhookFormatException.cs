namespace OrleansConsult.Line.Webhook;

/// <summary>The body is not JSON, or not the shape of a LINE webhook. Answered with 400 and the message.</summary>
public sealed class WebhookFormatException(string message, Exception? inner = null) : Exception(message, inner);
