namespace OrleansConsult.Abstractions;

/// <summary>What became of a delivery to a LINE user, as the sender's side needs to know it.</summary>
[GenerateSerializer, Alias("oc.DeliveryOutcome")]
public enum DeliveryOutcome
{
    /// <summary>LINE took it (reply or push).</summary>
    Sent = 0,

    /// <summary>LINE could not be reached for now: the outbox sends it later, same retry key.</summary>
    Queued = 1,

    /// <summary>LINE refused it (monthly limit, a 4xx, an invalid message): kept in the outbox, not delivered for now.</summary>
    Parked = 2,
}
