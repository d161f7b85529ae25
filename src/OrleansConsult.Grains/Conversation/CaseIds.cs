using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Case ids: 26 Crockford base-32 characters, 130 bits of a SHA-256 of the cause (her grain key and
/// the event), so two consultees never meet on one id by chance (the birthday bound is ~2^65 cases)
/// and a redelivered 相談する still finds its case. The first 4 make the tag counselors see (#K3F2).
/// </summary>
public static class CaseIds
{
    public const int Length = 26;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(string cause)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(cause), hash);
        var chars = new char[Length];
        for (var i = 0; i < chars.Length; i++)
        {
            // Five bits a character, read across byte boundaries.
            var bit = i * 5;
            var window = (hash[bit / 8] << 8) | hash[bit / 8 + 1];
            chars[i] = Alphabet[(window >> (11 - bit % 8)) & 31];
        }
        return new string(chars);
    }

    public static string Tag(string caseId) => "#" + caseId[..Math.Min(4, caseId.Length)];
}
