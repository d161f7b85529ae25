using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Grains.Enrollment;

/// <summary>
/// Invitation codes a person can type: 16 characters of Crockford's base32 (80 random bits) in
/// four groups, ABCD-EFGH-JKMN-PQRS. Reading is forgiving: full-width, lower case, spaces or no
/// hyphens, O for 0 and I or L for 1 all name the same code.
/// </summary>
public static class InvitationCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Characters = 16;
    private const int IdCharacters = 8;

    /// <summary>Invitation ids start with this, so a revoke argument is told apart from a code.</summary>
    public const string IdPrefix = "inv-";

    /// <summary>A fresh code, normalized.</summary>
    public static string New() => Group(Random(Characters));

    /// <summary>A fresh public invitation id (40 bits: unique enough to name a row, and no secret).</summary>
    public static string NewId() => IdPrefix + Random(IdCharacters).ToLowerInvariant();

    public static bool IsId(string text) =>
        text.StartsWith(IdPrefix, StringComparison.OrdinalIgnoreCase) && text.Length == IdPrefix.Length + IdCharacters;

    /// <summary>The canonical form of what she typed, or null when it cannot be an invitation code.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 64)
        {
            return null;
        }
        var folded = new StringBuilder(Characters);
        foreach (var c in text.Normalize(NormalizationForm.FormKC).ToUpperInvariant())
        {
            if (c is '-' or ' ' or '\u2010' or '\u2212' || char.IsWhiteSpace(c))
            {
                continue;
            }
            var mapped = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(mapped, StringComparison.Ordinal))
            {
                return null;
            }
            folded.Append(mapped);
        }
        return folded.Length == Characters ? Group(folded.ToString()) : null;
    }

    private static string Random(int length)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }
        return new string(chars);
    }

    private static string Group(string code) => string.Join('-', code.Chunk(4).Select(g => new string(g)));
}
