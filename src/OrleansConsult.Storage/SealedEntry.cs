using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>A transcript entry waiting for its batch, its text already sealed for the row.</summary>
internal sealed record SealedEntry(TranscriptEntry Entry, byte[] Payload);
