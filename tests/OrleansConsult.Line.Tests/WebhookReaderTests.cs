using System.Text;
using Microsoft.AspNetCore.Http;
using OrleansConsult.Line.Webhook;

namespace OrleansConsult.Line.Tests;

public sealed class WebhookReaderTests
{
    private const string Secret = "reader-secret";

    private static DefaultHttpContext Request(byte[] body, string? signature, bool sendLength = true, Stream? stream = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = "POST";
        http.Request.Body = stream ?? new MemoryStream(body);
        if (sendLength)
        {
            http.Request.ContentLength = body.Length;
        }
        if (signature is not null)
        {
            http.Request.Headers["X-Line-Signature"] = signature; // any case: header names are case-insensitive
        }
        return http;
    }

    private static Task<WebhookReadResult> ReadAsync(string body, string? signature = "sign") =>
        ReadBytesAsync(Encoding.UTF8.GetBytes(body), signature);

    private static Task<WebhookReadResult> ReadBytesAsync(byte[] bytes, string? signature = "sign", bool sendLength = true, Stream? stream = null)
    {
        var header = signature == "sign" ? LineSignature.Compute(bytes, Secret) : signature;
        return LineWebhookReader.ReadAsync(Request(bytes, header, sendLength, stream).Request, Secret, CancellationToken.None);
    }

    [Fact]
    public async Task Empty_events_is_200()
    {
        var result = await ReadAsync("""{"destination":"U0","events":[]}""");
        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Webhook!.Events);
    }

    [Fact]
    public async Task Missing_signature_is_401_and_nothing_is_parsed()
    {
        var result = await ReadAsync("""{"events":[]}""", signature: null);
        Assert.Equal(401, result.StatusCode);
        Assert.Null(result.Webhook);
    }

    [Fact]
    public async Task Forged_signature_is_401_even_for_bad_json()
    {
        Assert.Equal(401, (await ReadAsync("""{"events":[]}""", LineSignature.Compute("x"u8, Secret))).StatusCode);
        Assert.Equal(401, (await ReadAsync("not json", "bm90IGEgc2lnbmF0dXJl")).StatusCode);
        Assert.Equal(401, (await ReadAsync("""{"events":[]}""", "%%%")).StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"destination":"U0"}""")]
    [InlineData("""{"events":{}}""")]
    [InlineData("""[]""")]
    [InlineData("""{"events":[]} trailing""")]
    public async Task Signed_but_not_a_webhook_is_400(string body)
    {
        var result = await ReadAsync(body);
        Assert.Equal(400, result.StatusCode);
        Assert.Null(result.Webhook);
    }

    [Fact]
    public async Task A_signed_body_with_one_unreadable_event_is_200_and_says_which_was_skipped()
    {
        var result = await ReadAsync("""{"events":[1]}""");
        Assert.Equal(200, result.StatusCode);
        Assert.Empty(result.Webhook!.Events);
        Assert.Equal(new SkippedEvent(0, null, "not a JSON object"), Assert.Single(result.Webhook.Skipped));
    }

    [Fact]
    public async Task A_refusal_says_why_in_a_few_plain_words()
    {
        Assert.Equal("malformed JSON", (await ReadAsync("not json")).Reason);
        Assert.Equal("not a webhook: no events array", (await ReadAsync("""{"destination":"U0"}""")).Reason);
        Assert.Equal("bad signature", (await ReadAsync("""{"events":[]}""", signature: null)).Reason);
    }

    [Fact]
    public async Task More_events_than_the_cap_is_400_too_many_events()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"events":[{"type":"follow"},{"type":"follow"},{"type":"follow"}]}""");
        var http = Request(bytes, LineSignature.Compute(bytes, Secret));
        var result = await LineWebhookReader.ReadAsync(http.Request, Secret, CancellationToken.None, maxEvents: 2);
        Assert.Equal(400, result.StatusCode);
        Assert.Equal("too many events: 3, at most 2", result.Reason);
    }

    [Fact]
    public async Task Oversize_with_content_length_is_413_without_reading()
    {
        var big = new byte[LineWebhookReader.MaxBodyBytes + 1];
        var stream = new CountingStream(new MemoryStream(big));
        var result = await ReadBytesAsync(big, stream: stream);
        Assert.Equal(413, result.StatusCode);
        Assert.Equal(0, stream.BytesRead);
    }

    [Fact]
    public async Task Oversize_chunked_is_413_after_at_most_the_limit()
    {
        var big = new byte[3 * LineWebhookReader.MaxBodyBytes];
        var stream = new CountingStream(new MemoryStream(big));
        var result = await ReadBytesAsync(big, sendLength: false, stream: stream);
        Assert.Equal(413, result.StatusCode);
        Assert.True(stream.BytesRead <= 2L * LineWebhookReader.MaxBodyBytes + 1, $"read {stream.BytesRead}");
    }

    [Fact]
    public async Task Exactly_the_limit_is_read_and_checked()
    {
        var padding = new string(' ', LineWebhookReader.MaxBodyBytes - """{"events":[]}""".Length);
        var result = await ReadBytesAsync(Encoding.UTF8.GetBytes("""{"events":[]}""" + padding), sendLength: false);
        Assert.Equal(200, result.StatusCode);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            // Small reads, like a chunked body arriving in pieces.
            var n = inner.Read(buffer, offset, Math.Min(count, 16 * 1024));
            BytesRead += n;
            return n;
        }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer[..Math.Min(buffer.Length, 16 * 1024)], cancellationToken);
            BytesRead += n;
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
