namespace OrleansConsult.Abstractions;

/// <summary>Media to keep: its bytes (and a preview image's), bound to the case and the event it came with.</summary>
public sealed record StoredMedia(
    string CaseId,
    string TenantId,
    string EntryId,
    DateTimeOffset At,
    string Kind,
    string ContentType,
    byte[] Bytes,
    byte[]? Preview,
    string? PreviewType);
// A file's name is not kept here: it travels in the message to the other side and in the sealed transcript.
