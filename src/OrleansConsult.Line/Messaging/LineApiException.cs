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
