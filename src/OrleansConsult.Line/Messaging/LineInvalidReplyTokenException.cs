namespace OrleansConsult.Line.Messaging;

/// <summary>400 "Invalid reply token": used, expired or unknown. The sender falls back to push.</summary>
public sealed class LineInvalidReplyTokenException(string? requestId)
    : LineApiException(400, LineMessagingClient.InvalidReplyToken, requestId);
