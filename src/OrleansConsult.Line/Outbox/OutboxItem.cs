namespace OrleansConsult.Line.Outbox;

/// <summary>
/// A push that has not been delivered yet. <see cref="Id"/> is the X-Line-Retry-Key: every
/// re-send uses it, so LINE delivers the message at most once however often it is re-sent.
/// </summary>
public sealed record OutboxItem(
    Guid Id,
    string Channel,
    IReadOnlyList<string> To,
    string MessagesJson,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt)
{
    public string? LastError { get; init; }

    /// <summary>Set when the item is stored parked (LINE refused it at once): kept, not re-sent until released.</summary>
    public OutboxParkReason? ParkReason { get; init; }

    /// <summary>
    /// What the message carries, for whoever must hear that it was refused later (see
    /// <see cref="IOutboxParkListener"/>): an opaque tag of the caller's, never personal data.
    /// </summary>
    public string? Origin { get; init; }
}
