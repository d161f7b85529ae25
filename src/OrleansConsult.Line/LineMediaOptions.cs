namespace OrleansConsult.Line;

/// <summary>
/// "Line:Media": pictures, videos, voice messages and files in the relay. The byte limits follow
/// what LINE accepts in a message it fetches from us (image 10 MB, video and audio 200 MB); a file
/// is relayed as a link, its limit is ours. Larger content is not fetched: the other side is told
/// it arrived and could not be shown.
/// </summary>
public sealed class LineMediaOptions
{
    public const long MiB = 1024 * 1024;

    /// <summary>How long a signed media URL works (LINE fetches it when the message is shown).</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    public long MaxImageBytes { get; set; } = 10 * MiB;
    public long MaxVideoBytes { get; set; } = 200 * MiB;
    public long MaxAudioBytes { get; set; } = 200 * MiB;
    public long MaxFileBytes { get; set; } = 50 * MiB;

    /// <summary>LINE's limit for a preview image.</summary>
    public long MaxPreviewBytes { get; set; } = 1 * MiB;

    /// <summary>How long to wait for LINE to finish preparing a video or audio (content/transcoding) before giving up.</summary>
    public TimeSpan TranscodingWait { get; set; } = TimeSpan.FromSeconds(20);

    public long MaxBytesFor(string kind) => kind switch
    {
        "image" => MaxImageBytes,
        "video" => MaxVideoBytes,
        "audio" => MaxAudioBytes,
        _ => MaxFileBytes,
    };
}
