namespace OrleansConsult.Storage;

/// <summary>One logical LINE send waiting for another attempt. Payload = recipients + messages (JSON), personal data.</summary>
public sealed record OutboxRecord(
    Guid RetryKey,
    string Channel,
    string Payload,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    DateTimeOffset CreatedAt,
    string? LastError = null,
    string? Recipient = null,
    string? ParkReason = null,
    string? Origin = null);
