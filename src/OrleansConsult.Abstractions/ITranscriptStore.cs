namespace OrleansConsult.Abstractions;

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
