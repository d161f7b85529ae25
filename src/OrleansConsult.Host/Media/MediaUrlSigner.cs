using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OrleansConsult.Storage;

namespace OrleansConsult.Host.Media;

/// <summary>
/// Short-lived signed URLs for stored media: {PublicBaseUrl}/media/{id}/{original|preview}?exp=…&amp;sig=…,
/// where sig is HMAC-SHA256 over id, variant and expiry (Unix seconds) under a key derived from the
/// key ring for this purpose only. The id itself is 256 random bits; the signature stops anyone who
/// saw one URL from reading it after it expired, or from reading another media's bytes. Keys of the
/// whole ring verify, so a key rotation does not break URLs already sent.
/// </summary>
public sealed class MediaUrlSigner
{
    public const string Purpose = "media-url";
    private readonly IReadOnlyList<(string KeyId, byte[] Key)> _keys;
    private readonly TimeProvider _clock;
    private readonly string _baseUrl;

    public MediaUrlSigner(PayloadProtector protector, TimeProvider clock, string publicBaseUrl, TimeSpan lifetime)
    {
        _keys = protector.DeriveHashKeys(Purpose);
        _clock = clock;
        _baseUrl = publicBaseUrl.TrimEnd('/');
        Lifetime = lifetime;
    }

    public TimeSpan Lifetime { get; }

    public string Sign(string mediaId, bool preview)
    {
        var expires = (_clock.GetUtcNow() + Lifetime).ToUnixTimeSeconds();
        var variant = Variant(preview);
        return string.Create(CultureInfo.InvariantCulture,
            $"{_baseUrl}/media/{mediaId}/{variant}?exp={expires}&sig={Signature(_keys[0].Key, mediaId, variant, expires)}");
    }

    /// <summary>True when the signature is one of ours for exactly this id, variant and expiry, and it has not expired.</summary>
    public bool Verify(string mediaId, string variant, long expires, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || variant is not ("original" or "preview")
            || _clock.GetUtcNow().ToUnixTimeSeconds() >= expires)
        {
            return false;
        }
        var given = Encoding.ASCII.GetBytes(signature);
        foreach (var (_, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(given, Encoding.ASCII.GetBytes(Signature(key, mediaId, variant, expires))))
            {
                return true;
            }
        }
        return false;
    }

    public static string Variant(bool preview) => preview ? "preview" : "original";

    private static string Signature(byte[] key, string mediaId, string variant, long expires) =>
        Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{mediaId}\n{variant}\n{expires}"))));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
