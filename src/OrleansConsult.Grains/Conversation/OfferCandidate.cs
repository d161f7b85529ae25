namespace OrleansConsult.Grains.Conversation;

/// <summary>A counselor free to take an offer now: on the roster here, 出勤, no offer out, a free slot.</summary>
public sealed record OfferCandidate(string CounselorId, DateTimeOffset IdleSince);
