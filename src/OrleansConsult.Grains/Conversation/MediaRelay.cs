using System.Globalization;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// How a picture, video, voice message or file is written down and announced on the other side of
/// the relay: the transcript keeps a media entry (kind, size, media id), never the bytes; the other
/// side gets the same kind of message, or, when the content could not be fetched or is refused,
/// what arrived and that it could not be shown.
/// </summary>
public static class MediaRelay
{
    private const string Marker = "\u0001media ";

    /// <summary>
    /// The transcript line of a media message (sealed like every transcript line): kind, size and
    /// media id, and what a later message about it needs (type, preview, duration, file name last).
    /// </summary>
    public static string TranscriptText(MediaRef media) => media.Stored
        ? string.Create(CultureInfo.InvariantCulture,
            $"{Marker}{media.Kind} {media.MediaId} {media.Size} {media.ContentType} {(media.HasPreview ? 1 : 0)} {media.DurationMs ?? 0} {media.FileName}")
        : $"{Marker}{media.Kind} - {media.Refusal ?? "failed"}";

    /// <summary>The media a transcript line stands for; null for a line of text.</summary>
    public static MediaRef? FromTranscript(string text)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return null;
        }
        var parts = text[Marker.Length..].Split(' ', 7);
        if (parts.Length == 3 && parts[1] == "-")
        {
            return new MediaRef(parts[0], Stored: false, Refusal: parts[2]);
        }
        if (parts.Length < 7 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var size) || !long.TryParse(parts[5], CultureInfo.InvariantCulture, out var duration))
        {
            return null;
        }
        return new MediaRef(parts[0], Stored: true, parts[1], size, parts[3], duration == 0 ? null : duration,
            parts[6].Length == 0 ? null : parts[6], HasPreview: parts[4] == "1");
    }

    /// <summary>How a transcript line reads to a person: media lines as their label.</summary>
    public static string Readable(string transcriptText) =>
        FromTranscript(transcriptText) is { } media ? Label(media) : transcriptText;

    /// <summary>What the other side reads about it: the kind, or that it arrived and could not be shown.</summary>
    public static string Label(MediaRef media) => media.Stored
        ? BotText.DescribeNonText(media.Kind)
        : BotText.Format("Media.NotShown", BotText.DescribeNonText(media.Kind));

    /// <summary>The message to send: <paramref name="prefix"/> (e.g. the case tag) and the label, with the media when it was stored.</summary>
    public static Outgoing Relay(string prefix, MediaRef media, IReadOnlyList<Choice>? quickReplies = null) =>
        new(prefix + Label(media), quickReplies, Media: media.Stored ? media : null);

    /// <summary>A size as people read it: 850 KB, 1.2 MB.</summary>
    public static string Size(long bytes) => bytes < 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, bytes / 1024)} KB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.0} MB");
}
