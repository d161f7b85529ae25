using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Host.Media;

/// <summary>
/// Reads a message's content from the data API (or the external provider LINE named), within
/// LINE's size and type limits, with its preview image, and keeps it sealed in the media store.
/// A video or audio is read once LINE reports it ready (content/transcoding). Anything that fails or
/// is refused comes back as not stored with the reason (never the content in a log).
/// </summary>
public sealed partial class LineMediaFetcher(
    LineMessagingClient client, IMediaStore store, LineOptions options, TimeProvider clock, ILogger<LineMediaFetcher> logger) : IMediaFetcher
{
    public async Task<MediaRef> FetchAsync(string channel, InboundMedia media, string caseId, string tenantId, string entryId, DateTimeOffset at)
    {
        var limits = options.Media;
        var kind = media.Kind;
        try
        {
            if (media.Provider != "external" && kind is MediaRef.Video or MediaRef.Audio && !await ReadyAsync(channel, media.MessageId, limits.TranscodingWait))
            {
                return Refused(media, "transcoding");
            }
            var content = media.Provider == "external"
                ? await client.GetExternalContentAsync(channel, media.OriginalUrl ?? "", limits.MaxBytesFor(kind))
                : await client.GetContentAsync(channel, media.MessageId, preview: false, limits.MaxBytesFor(kind));
            if (MediaTypePolicy.Refusal(kind, content.ContentType) is { } refusal)
            {
                return Refused(media, refusal);
            }
            var preview = kind is MediaRef.Image or MediaRef.Video ? await PreviewAsync(channel, media, content, limits.MaxPreviewBytes) : null;
            if (kind == MediaRef.Video && preview is null)
            {
                // LINE shows a video only with its preview image.
                return Refused(media, "preview");
            }
            var id = await store.PutAsync(new StoredMedia(caseId, tenantId, entryId, at, kind, content.ContentType,
                content.Bytes, preview?.Bytes, preview?.ContentType));
            LogStored(logger, kind, content.Bytes.Length, caseId);
            return new MediaRef(kind, Stored: true, id, content.Bytes.Length, content.ContentType, media.DurationMs, media.FileName, preview is not null);
        }
        catch (LineContentTooLargeException)
        {
            return Refused(media, "too-large");
        }
        catch (Exception ex) when (LineFailures.IsTransient(ex) || ex is LineApiException or System.Text.Json.JsonException)
        {
            LogFetchFailed(logger, kind, ex.GetType().Name);
            return Refused(media, "fetch-failed");
        }
    }

    private MediaRef Refused(InboundMedia media, string reason)
    {
        LogRefused(logger, media.Kind, reason);
        return new MediaRef(media.Kind, Stored: false, Refusal: reason, FileName: media.FileName);
    }

    /// <summary>Waits (a second between asks) until LINE has the video or audio ready; false when it failed or took too long.</summary>
    private async Task<bool> ReadyAsync(string channel, string messageId, TimeSpan wait)
    {
        var until = clock.GetUtcNow() + wait;
        while (true)
        {
            var status = await client.GetTranscodingAsync(channel, messageId);
            if (status == "succeeded")
            {
                return true;
            }
            if (status == "failed" || clock.GetUtcNow() >= until)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), clock);
        }
    }

    /// <summary>LINE's preview (or the external provider's); a small image is its own preview. Null when there is none LINE can show.</summary>
    private async Task<LineContent?> PreviewAsync(string channel, InboundMedia media, LineContent original, long maxBytes)
    {
        LineContent? preview = null;
        try
        {
            preview = media.Provider == "external"
                ? media.PreviewUrl is { } url ? await client.GetExternalContentAsync(channel, url, maxBytes) : null
                : await client.GetContentAsync(channel, media.MessageId, preview: true, maxBytes);
        }
        catch (Exception ex) when (LineFailures.IsTransient(ex) || ex is LineApiException or LineContentTooLargeException)
        {
            LogFetchFailed(logger, media.Kind + "-preview", ex.GetType().Name);
        }
        if (preview is not null && MediaTypePolicy.IsPreviewType(preview.ContentType))
        {
            return preview;
        }
        return media.Kind == MediaRef.Image && original.Bytes.Length <= maxBytes ? original : null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored {Kind} of {Bytes} bytes for case {CaseId}")]
    private static partial void LogStored(ILogger logger, string kind, int bytes, string caseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not relaying a {Kind} as itself: {Reason}")]
    private static partial void LogRefused(ILogger logger, string kind, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Fetching a {Kind} from LINE failed: {Error}")]
    private static partial void LogFetchFailed(ILogger logger, string kind, string error);
}
