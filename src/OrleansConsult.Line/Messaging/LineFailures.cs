using Polly.CircuitBreaker;
using Polly.Timeout;

namespace OrleansConsult.Line.Messaging;

/// <summary>Which failures are worth sending again later (outbox) and which never will succeed.</summary>
public static class LineFailures
{
    public static bool IsTransient(Exception ex) => ex switch
    {
        LineMonthlyLimitException => false,
        LineInvalidReplyTokenException => false,
        LineApiException api => api.StatusCode is >= 500 or 408 or 429,
        HttpRequestException or TimeoutRejectedException or BrokenCircuitException or TimeoutException => true,
        // HttpClient's own timeout surfaces as a cancellation the caller did not ask for.
        TaskCanceledException => true,
        _ => false,
    };
}
