namespace OrleansConsult.Host.Media;

/// <summary>
/// Which content types can go on as the same kind of LINE message: LINE shows images as JPEG or
/// PNG, videos as mp4, audio as m4a or mp3. A file is relayed as a link and served as a download,
/// so any type goes.
/// </summary>
public static class MediaTypePolicy
{
    private static readonly HashSet<string> Images = new(StringComparer.OrdinalIgnoreCase) { "image/jpeg", "image/png" };
    private static readonly HashSet<string> Videos = new(StringComparer.OrdinalIgnoreCase) { "video/mp4" };
    private static readonly HashSet<string> Audio = new(StringComparer.OrdinalIgnoreCase) { "audio/x-m4a", "audio/m4a", "audio/mp4", "audio/mpeg", "audio/mp3", "audio/aac" };

    /// <summary>Null when <paramref name="contentType"/> can be relayed as <paramref name="kind"/>; else the reason.</summary>
    public static string? Refusal(string kind, string contentType) => kind switch
    {
        "image" => Images.Contains(contentType) ? null : "type",
        "video" => Videos.Contains(contentType) ? null : "type",
        "audio" => Audio.Contains(contentType) ? null : "type",
        "file" => null,
        _ => "kind",
    };

    /// <summary>A preview image LINE can show.</summary>
    public static bool IsPreviewType(string contentType) => Images.Contains(contentType);
}
