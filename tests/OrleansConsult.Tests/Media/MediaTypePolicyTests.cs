using OrleansConsult.Host.Media;

namespace OrleansConsult.Tests.Media;

/// <summary>What LINE can show as itself: JPEG/PNG images, mp4 video, m4a/mp3 audio; files are links, any type.</summary>
public sealed class MediaTypePolicyTests
{
    [Theory]
    [InlineData("image", "image/jpeg", null)]
    [InlineData("image", "image/PNG", null)]
    [InlineData("image", "image/gif", "type")]
    [InlineData("image", "image/heic", "type")]
    [InlineData("video", "video/mp4", null)]
    [InlineData("video", "video/quicktime", "type")]
    [InlineData("audio", "audio/x-m4a", null)]
    [InlineData("audio", "audio/mpeg", null)]
    [InlineData("audio", "audio/wav", "type")]
    [InlineData("file", "application/pdf", null)]
    [InlineData("file", "text/html", null)]
    [InlineData("sticker", "image/png", "kind")]
    public void Refusal(string kind, string contentType, string? expected) =>
        Assert.Equal(expected, MediaTypePolicy.Refusal(kind, contentType));
}
