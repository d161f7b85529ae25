namespace OrleansConsult.Abstractions;

/// <summary>
/// A picture, video, voice message or file as the grains pass it around: the stored media's id and
/// what a message about it needs, never the bytes. <see cref="Stored"/> false means the fetch failed
/// or was refused (too large, a type LINE cannot show): only the kind is known then.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.MediaRef")]
public sealed record MediaRef(
    [property: Id(0)] string Kind,
    [property: Id(1)] bool Stored,
    [property: Id(2)] string? MediaId = null,
    [property: Id(3)] long Size = 0,
    [property: Id(4)] string? ContentType = null,
    [property: Id(5)] long? DurationMs = null,
    [property: Id(6)] string? FileName = null,
    [property: Id(7)] bool HasPreview = false,
    [property: Id(8)] string? Refusal = null)
{
    public const string Image = "image";
    public const string Video = "video";
    public const string Audio = "audio";
    public const string File = "file";
}
