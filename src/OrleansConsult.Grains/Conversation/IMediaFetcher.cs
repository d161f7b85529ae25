using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Reads the content of an image, video, audio or file message from LINE (or its external provider)
/// and keeps it sealed with its case. Never throws for a fetch that fails or is refused: the answer
/// then says so (<see cref="MediaRef.Stored"/> false) and the other side is told what arrived.
/// Storing the same (case, event) again returns the media id it already has.
/// </summary>
public interface IMediaFetcher
{
    Task<MediaRef> FetchAsync(string channel, InboundMedia media, string caseId, string tenantId, string entryId, DateTimeOffset at);
}
