namespace OrleansConsult.Line.Sending;

public enum SendPath
{
    /// <summary>Sent with the reply API (free); the caller marks the token used.</summary>
    Reply,

    /// <summary>Sent with the push API (counts against the monthly quota).</summary>
    Push,

    /// <summary>Push failed after retries; the outbox re-sends it with the same retry key.</summary>
    Queued,

    /// <summary>LINE refused it (monthly limit, a 4xx, an invalid message): kept in the outbox, not delivered for now.</summary>
    Parked,
}
