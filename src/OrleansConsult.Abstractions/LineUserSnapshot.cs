namespace OrleansConsult.Abstractions;

/// <summary>
/// A LINE user's counters, events not yet handled and dedup window. <see cref="RecentEventHashes"/>
/// are the <see cref="EventIdHash"/>es of the webhookEventIds accepted, oldest first.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.LineUserSnapshot")]
public sealed record LineUserSnapshot(
    [property: Id(0)] long EventsAccepted,
    [property: Id(1)] long DuplicatesDropped,
    [property: Id(2)] IReadOnlyList<InboundLineEvent> Pending,
    [property: Id(3)] DateTimeOffset? LastEventAt,
    [property: Id(4)] IReadOnlyList<long> RecentEventHashes);
