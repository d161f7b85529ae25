namespace OrleansConsult.Line.Messaging;

/// <summary>429 "You have reached your monthly limit.": not transient, never retried or queued.</summary>
public sealed class LineMonthlyLimitException(string? requestId)
    : LineApiException(429, LineMessagingClient.MonthlyLimit, requestId);
