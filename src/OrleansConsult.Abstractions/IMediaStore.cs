namespace OrleansConsult.Abstractions;

/// <summary>
/// Pictures, videos, voice messages and files of cases, sealed at rest like transcripts (table
/// oc_media). Each is kept once per (case, event): storing it again returns the id it already has.
/// </summary>
public interface IMediaStore
{
    /// <summary>Stores it under a new random id, or returns the id of the same (case, entry) stored before.</summary>
    Task<string> PutAsync(StoredMedia media, CancellationToken cancellationToken = default);

    /// <summary>The original (or its preview image); null when there is none (deleted, never stored).</summary>
    Task<MediaContent?> GetAsync(string mediaId, bool preview, CancellationToken cancellationToken = default);

    /// <summary>Deletes every media of a case (erasure, or the case outlived its retention). Returns how many.</summary>
    Task<int> DeleteCaseAsync(string caseId, CancellationToken cancellationToken = default);
}
