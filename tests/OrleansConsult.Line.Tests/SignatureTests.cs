using System.Text;

namespace OrleansConsult.Line.Tests;

public sealed class SignatureTests
{
    // line-bot-sdk-nodejs test/validate-signature.spec.ts: JSON.stringify({hello:"world"}) with "test_secret".
    private const string NodeBody = """{"hello":"world"}""";
    private const string NodeSecret = "test_secret";
    private const string NodeSignature = "t7Hn4ZDHqs6e+wdvI5TyQIvzie0DmMUmuXEBqyyE/tM=";
    private const string NodeWrongCase = "t7Hn4ZDHqs6e+wdvi5TyQivzie0DmMUmuXEBqyyE/tM=";

    // line-bot-sdk-python's vector.
    private const string PyBody = "bodybodybodybody";
    private const string PySecret = "channel_secret";
    private const string PySignature = "/gg9a+LvFevTH1sd7XCQycD7tsWclCsInj7MhBHxN7k=";

    // Raw UTF-8 with emoji and Japanese, signed by Python's hmac module (an independent implementation).
    private const string EmojiSecret = "テスト秘密🔑";
    private const string EmojiBody = """{"destination":"U0","events":[{"type":"message","message":{"type":"text","id":"1","text":"こんにちは👋🏻 赤ちゃん🤰"}}]}""";
    private const string EmojiSignature = "MaEOhppVn8SzhzX9jlhvtuGQ2p206dJQRGlVNMPVeiM=";

    [Theory]
    [InlineData(NodeBody, NodeSecret, NodeSignature)]
    [InlineData(PyBody, PySecret, PySignature)]
    [InlineData(EmojiBody, EmojiSecret, EmojiSignature)]
    public void Sdk_vectors_compute_and_verify(string body, string secret, string signature)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        Assert.Equal(signature, LineSignature.Compute(bytes, secret));
        Assert.True(LineSignature.IsValid(bytes, secret, signature));
    }

    [Fact]
    public void The_same_text_in_another_encoding_is_another_body() =>
        Assert.False(LineSignature.IsValid(Encoding.Unicode.GetBytes(EmojiBody), EmojiSecret, EmojiSignature));

    [Theory]
    [InlineData("""{"hello":"world!"}""", NodeSignature)] // tampered body
    [InlineData(NodeBody, NodeWrongCase)]                  // the SDK's own "invalid" case: letters in the wrong case
    [InlineData(NodeBody, null)]                           // missing header
    [InlineData(NodeBody, "")]
    [InlineData(NodeBody, "not base64!")]
    [InlineData(NodeBody, "AAAA")]                         // base64 of the wrong length
    public void Anything_else_is_invalid(string body, string? signature) =>
        Assert.False(LineSignature.IsValid(Encoding.UTF8.GetBytes(body), NodeSecret, signature));

    [Fact]
    public void Wrong_secret_is_invalid() =>
        Assert.False(LineSignature.IsValid(Encoding.UTF8.GetBytes(NodeBody), "other_secret", NodeSignature));
}
