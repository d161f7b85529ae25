namespace OrleansConsult.Abstractions;

/// <summary>Who wrote a transcript line.</summary>
[GenerateSerializer, Alias("oc.TranscriptAuthor")]
public enum TranscriptAuthor
{
    Consultee = 0,
    Counselor = 1,
    Bot = 2,
}

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

/// <summary>The append-only transcript of every case, one row per message, outside grain state.</summary>
public interface ITranscriptStore
{
    /// <summary>Stores the entry once per (CaseId, EntryId). Returns false when it was already stored.</summary>
    Task<bool> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default);

    /// <summary>Every entry of a case in the order it was appended.</summary>
    Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string caseId, CancellationToken cancellationToken = default);

    /// <summary>Deletes every entry of a case (erasure, or the case outlived its retention). Returns how many.</summary>
    Task<int> DeleteCaseAsync(string caseId, CancellationToken cancellationToken = default);
}
