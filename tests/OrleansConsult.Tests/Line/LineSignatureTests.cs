using System.Text;
using OrleansConsult.Line;

namespace OrleansConsult.Tests.Line;

public sealed class LineSignatureTests
{
    // line-bot-sdk-python's published vector (tests/test_webhook.py).
    private const string SdkSecret = "channel_secret";
    private const string SdkBody = "bodybodybodybody";
    private const string SdkSignature = "/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k=";

    // Raw UTF-8 with emoji and Japanese, signed by Python's hmac module (an independent implementation).
    private const string EmojiSecret = "テスト秘密🔑";
    private const string EmojiBody = """{"destination":"U0","events":[{"type":"message","message":{"type":"text","id":"1","text":"こんにちは👋🏻 赤ちゃん🤰"}}]}""";
    private const string EmojiSignature = "MaEOhppVn8SzhzX9jlhvtuGQ2p206dJQRGlVNMPVeiM=";

    [Fact]
    public void Sdk_vector_verifies_and_computes()
    {
        Assert.True(LineSignature.IsValid(Encoding.UTF8.GetBytes(SdkBody), SdkSecret, SdkSignature));
        Assert.Equal(SdkSignature, LineSignature.Compute(Encoding.UTF8.GetBytes(SdkBody), SdkSecret));
        Assert.False(LineSignature.IsValid(Encoding.UTF8.GetBytes(SdkBody), SdkSecret, "invalid_signature"));
    }

    [Fact]
    public void Emoji_body_is_signed_over_its_raw_utf8_bytes()
    {
        Assert.True(LineSignature.IsValid(Encoding.UTF8.GetBytes(EmojiBody), EmojiSecret, EmojiSignature));
        // The same text re-encoded differently (UTF-16) is another body: it must not verify.
        Assert.False(LineSignature.IsValid(Encoding.Unicode.GetBytes(EmojiBody), EmojiSecret, EmojiSignature));
    }

    [Theory]
    [InlineData("bodybodybodybodx", SdkSignature)]                                   // tampered body
    [InlineData(SdkBody, "/GG9A+LVFEVTH1SD7XCQYCD7TSWCLCSINJ7MHBHXN7K=")]             // wrong case
    [InlineData(SdkBody, null)]                                                       // missing header
    [InlineData(SdkBody, "")]
    [InlineData(SdkBody, "not base64 at all!")]
    [InlineData(SdkBody, "AAAA")]                                                     // base64, wrong length
    public void Anything_else_does_not_verify(string body, string? signature) =>
        Assert.False(LineSignature.IsValid(Encoding.UTF8.GetBytes(body), SdkSecret, signature));
}
