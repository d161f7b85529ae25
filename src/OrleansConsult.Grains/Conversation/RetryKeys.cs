using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Ids derived from what caused them: the same cause gives the same id, so work repeated after a
/// crash (an event processed again) makes the same case and the same X-Line-Retry-Key, and LINE
/// drops the repeat.
/// </summary>
public static class RetryKeys
{
    public static Guid For(string cause)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(cause), hash);
        var bytes = hash[..16].ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5 layout: a name-based id
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid Part(Guid key, int index) => index == 0 ? key : For($"{key:N}/{index}");
}
