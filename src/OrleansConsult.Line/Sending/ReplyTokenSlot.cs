namespace OrleansConsult.Line.Sending;

/// <summary>An unused reply token of the recipient and when its webhook arrived.</summary>
public sealed record ReplyTokenSlot(string Token, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// This very send may already have gone out with this token (a reply retried after a crash): LINE's
    /// "Invalid reply token" then means it was delivered (a token is spent once), not that a push is due.
    /// </summary>
    public bool RetryOfSameSend { get; init; }
}
