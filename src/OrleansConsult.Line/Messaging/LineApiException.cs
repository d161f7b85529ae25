namespace OrleansConsult.Line.Messaging;

/// <summary>LINE answered with an error (after retries where the error was transient). Carries no message text or user id.</summary>
public class LineApiException(int statusCode, string? lineMessage, string? requestId, string? message = null)
    : Exception(message ?? $"LINE API answered {statusCode}: {lineMessage ?? "(no message)"} (request id {requestId ?? "none"})")
{
    public int StatusCode { get; } = statusCode;

    /// <summary>The "message" of LINE's error body.</summary>
    public string? LineMessage { get; } = lineMessage;

    /// <summary>x-line-request-id of the failed response, for LINE support.</summary>
    public string? RequestId { get; } = requestId;
}

/// <summary>400 "Invalid reply token": used, expired or unknown. The sender falls back to push.</summary>
public sealed class LineInvalidReplyTokenException(string? requestId)
    : LineApiException(400, LineMessagingClient.InvalidReplyToken, requestId);

/// <summary>429 "You have reached your monthly limit.": not transient, never retried or queued.</summary>
public sealed class LineMonthlyLimitException(string? requestId)
    : LineApiException(429, LineMessagingClient.MonthlyLimit, requestId);

/// <summary>What LINE answered to a successful call. A 409 with an accepted request id is a success: delivered before.</summary>
public sealed record LineApiResult(int StatusCode, string? RequestId, string? AcceptedRequestId = null)
{
    public bool AlreadyAccepted => AcceptedRequestId is not null;
}
