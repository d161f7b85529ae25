namespace OrleansConsult.Abstractions;

/// <summary>One step of a case's routing, with its time and reason.</summary>
[GenerateSerializer, Immutable, Alias("oc.JournalEntry")]
public sealed record JournalEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Step,
    [property: Id(2)] string Dispatcher,
    [property: Id(3)] string? CounselorId = null,
    [property: Id(4)] string? Reason = null);
