namespace OrleansConsult.Grains.Conversation;

/// <summary>One breach of the queue invariant, with the case and counselor it concerns.</summary>
public sealed record RoutingBreach(BreachKind Kind, string CaseId, string? CounselorId = null);
