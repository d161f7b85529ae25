using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Sending;

public sealed record SendOutcome(SendPath Path, LineApiResult? Result)
{
    /// <summary>True when the reply token was spent (successfully, or LINE said it was invalid): never offer it again.</summary>
    public bool TokenSpent { get; init; }

    /// <summary>Why it was parked, when <see cref="Path"/> is <see cref="SendPath.Parked"/>.</summary>
    public Outbox.OutboxParkReason? ParkReason { get; init; }

    /// <summary>A retried reply that LINE refused as a used token: the earlier attempt was delivered, nothing was sent now.</summary>
    public bool AlreadyDelivered { get; init; }
}
