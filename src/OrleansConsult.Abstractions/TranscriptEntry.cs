namespace OrleansConsult.Abstractions;

/// <summary>
/// One relayed message of a case. <see cref="EntryId"/> is unique within the case (the LINE
/// webhookEventId it came from), so storing it twice has no effect. Text is personal data:
/// encrypted at rest, never logged.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.TranscriptEntry")]
public sealed record TranscriptEntry(
    [property: Id(0)] string CaseId,
    [property: Id(1)] string TenantId,
    [property: Id(2)] string EntryId,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] TranscriptAuthor Author,
    [property: Id(5)] string Text);
