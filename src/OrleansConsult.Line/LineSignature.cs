using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Line;

/// <summary>
/// x-line-signature: base64 of HMAC-SHA256 over the raw request body, keyed by the channel secret.
/// Verified on the raw bytes (never a re-serialised body) and compared in constant time.
/// </summary>
public static class LineSignature
{
    public static string Compute(ReadOnlySpan<byte> body, string channelSecret)
    {
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, mac);
        return Convert.ToBase64String(mac);
    }

    public static bool IsValid(ReadOnlySpan<byte> body, string channelSecret, string? signature)
    {
        if (string.IsNullOrEmpty(signature) || signature.Length > 64)
        {
            return false;
        }

        Span<byte> given = stackalloc byte[48];
        if (!Convert.TryFromBase64String(signature, given, out var length) || length != HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(expected, given[..length]);
    }
}
