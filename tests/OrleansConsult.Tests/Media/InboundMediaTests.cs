using System.Text;
using OrleansConsult.Abstractions;
using OrleansConsult.Host;
using OrleansConsult.Line.Webhook;

namespace OrleansConsult.Tests.Media;

/// <summary>What the webhook keeps of a media message: where its content is (LINE or external), and its read token.</summary>
public sealed class InboundMediaTests
{
    private static MessageContent Parse(string message) =>
        ((MessageEvent)WebhookParser.Parse(Encoding.UTF8.GetBytes($$"""
            {"events":[{"type":"message","mode":"active","timestamp":1,"webhookEventId":"E1","source":{"type":"user","userId":"U1"},"replyToken":"r","message":{{message}}}]}
            """)).Events[0]).Message;

    [Fact]
    public void An_image_from_LINE_is_read_by_message_id_and_keeps_its_read_token()
    {
        var content = Parse("""{"id":"325708","type":"image","contentProvider":{"type":"line"},"markAsReadToken":"tok-1"}""");
        Assert.Equal("tok-1", content.MarkAsReadToken);
        Assert.Equal(new InboundMedia("325708", "image", "line"), LineWebhookEndpoint.MediaOf(content));
    }

    [Fact]
    public void External_content_keeps_its_urls_and_audio_its_duration_and_a_file_its_name()
    {
        Assert.Equal(new InboundMedia("9", "video", "external", "https://x.example/v.mp4", "https://x.example/p.jpg", 12000),
            LineWebhookEndpoint.MediaOf(Parse("""{"id":"9","type":"video","duration":12000,"contentProvider":{"type":"external","originalContentUrl":"https://x.example/v.mp4","previewImageUrl":"https://x.example/p.jpg"}}""")));
        Assert.Equal(new InboundMedia("8", "audio", "line", DurationMs: 3000),
            LineWebhookEndpoint.MediaOf(Parse("""{"id":"8","type":"audio","duration":3000,"contentProvider":{"type":"line"}}""")));
        Assert.Equal(new InboundMedia("7", "file", "line", FileName: "a.pdf", FileSize: 1234),
            LineWebhookEndpoint.MediaOf(Parse("""{"id":"7","type":"file","fileName":"a.pdf","fileSize":1234}""")));
        Assert.Null(LineWebhookEndpoint.MediaOf(Parse("""{"id":"6","type":"text","text":"こんにちは","markAsReadToken":"t"}""")));
    }
}
