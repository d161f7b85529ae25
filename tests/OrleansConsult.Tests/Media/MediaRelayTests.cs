using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Tests.Media;

/// <summary>The transcript's media entry and the LINE messages a relayed media becomes.</summary>
public sealed class MediaRelayTests
{
    private sealed class Links : IMediaLinks
    {
        public MediaLinks For(MediaRef media) => new($"https://h.example/media/{media.MediaId}/original?s", media.HasPreview ? $"https://h.example/media/{media.MediaId}/preview?s" : null, 60);
    }

    [Fact]
    public void A_media_entry_keeps_kind_size_and_id_and_reads_back()
    {
        var media = new MediaRef("file", true, "abc", 1234, "application/pdf", null, "検査 結果.pdf", false);
        var text = MediaRelay.TranscriptText(media);
        Assert.Equal(media, MediaRelay.FromTranscript(text));
        Assert.Equal("［ファイル］", MediaRelay.Readable(text));
        Assert.Null(MediaRelay.FromTranscript("ふつうの文章"));
        Assert.Equal("ふつうの文章", MediaRelay.Readable("ふつうの文章"));

        var refused = new MediaRef("image", false, Refusal: "too-large");
        Assert.Equal(refused, MediaRelay.FromTranscript(MediaRelay.TranscriptText(refused)));
        Assert.Contains("表示できませんでした", MediaRelay.Readable(MediaRelay.TranscriptText(refused)));
    }

    [Fact]
    public void An_image_goes_as_the_tag_then_the_image_with_its_preview_and_the_quick_replies_last()
    {
        var media = new MediaRef("image", true, "m1", 100, "image/jpeg", HasPreview: true);
        var messages = LineMessageMapper.ToLineMessages(MediaRelay.Relay("#K3F2 ", media, [new Choice("#K3F2")]), new Links());
        Assert.Equal(2, messages.Count);
        Assert.Equal("#K3F2 ［画像］", Assert.IsType<TextMessage>(messages[0]).Text);
        Assert.Null(messages[0].QuickReply);
        var image = Assert.IsType<ImageMessage>(messages[1]);
        Assert.EndsWith("/m1/original?s", image.OriginalContentUrl);
        Assert.EndsWith("/m1/preview?s", image.PreviewImageUrl);
        Assert.NotNull(image.QuickReply);
        LineMessageValidator.ValidateMessages(messages);
    }

    [Fact]
    public void Audio_keeps_its_duration_a_file_is_a_link_and_without_links_the_kind_is_named()
    {
        var audio = LineMessageMapper.ToLineMessages(new Outgoing("", Media: new MediaRef("audio", true, "a", 10, "audio/x-m4a", 4200)), new Links());
        Assert.Equal(4200, Assert.IsType<AudioMessage>(Assert.Single(audio)).Duration);

        var file = LineMessageMapper.ToLineMessages(new Outgoing("#K3F2 ［ファイル］", Media: new MediaRef("file", true, "f", 2 * 1024 * 1024, "application/pdf", FileName: "a.pdf")), new Links());
        var text = Assert.IsType<TextMessage>(Assert.Single(file)).Text;
        Assert.Contains("a.pdf（2.0 MB）", text);
        Assert.Contains("https://h.example/media/f/original?s", text);

        var unnamed = LineMessageMapper.ToLineMessages(new Outgoing("", Media: new MediaRef("video", true, "v", 1, "video/mp4", HasPreview: true)), links: null);
        Assert.Equal("［動画］", Assert.IsType<TextMessage>(Assert.Single(unnamed)).Text);
    }
}
