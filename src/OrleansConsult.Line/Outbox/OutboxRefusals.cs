using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Outbox;

/// <summary>Which failures of a send are a refusal LINE will repeat (park the message) rather than trouble that passes (retry it).</summary>
public static class OutboxRefusals
{
    /// <summary>The park reason for a refusal; null for transient trouble and anything that is not LINE's answer.</summary>
    public static OutboxParkReason? ParkReasonOf(Exception ex) => ex switch
    {
        LineMonthlyLimitException => OutboxParkReason.MonthlyLimit,
        LineMessageValidationException => OutboxParkReason.Invalid,
        // "Invalid reply token" is handled by falling back to push before it gets here.
        LineInvalidReplyTokenException => null,
        LineApiException { StatusCode: 400 } => OutboxParkReason.Invalid,
        LineApiException { StatusCode: >= 400 and < 500 and not 408 and not 429 } => OutboxParkReason.Rejected,
        _ => null,
    };
}
