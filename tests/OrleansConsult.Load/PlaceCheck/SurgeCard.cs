namespace OrleansConsult.Load;

/// <summary>
/// An offer card (「新しい相談があります」) on counselor <paramref name="Counselor"/>'s phone: its case, the simulator's
/// delivery sequence and time, and the dispatcher's offer number when LINE saw it (a pushed card's retry key,
/// <see cref="OfferNumbers"/>); null for a card sent as a reply.
/// </summary>
public sealed record SurgeCard(string CaseId, int Counselor, long Sequence, DateTimeOffset At, long? OfferNumber = null);
