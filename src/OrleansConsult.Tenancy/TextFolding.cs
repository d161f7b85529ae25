using System.Text;

namespace OrleansConsult.Tenancy;

/// <summary>
/// Makes typed Japanese comparable: NFKC (full/half width), lower case, no spaces,
/// katakana folded to hiragana (トヤマ = とやま).
/// </summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (char.IsWhiteSpace(c)) continue;
            // Katakana ァ..ヶ sit exactly 0x60 above their hiragana.
            sb.Append(c is >= '\u30A1' and <= '\u30F6' ? (char)(c - 0x60) : c);
        }
        return sb.ToString();
    }

    private static readonly string[] AreaSuffixes =
        ["prefecture", "city", "-ken", "-shi", "-fu", "-to", "ken", "shi", "県", "府", "都", "市", "けん", "し"];

    /// <summary>Folded text without one trailing 県/府/都/市 (or けん, し, -ken, -shi…), so 富山県 and 富山市 meet at 富山.</summary>
    public static string StripAreaSuffix(string folded)
    {
        foreach (var suffix in AreaSuffixes)
        {
            // Keep at least two characters so short names are not eaten (e.g. "し").
            if (folded.EndsWith(suffix, StringComparison.Ordinal) && folded.Length - suffix.Length >= 2)
                return folded[..^suffix.Length].TrimEnd('-');
        }
        return folded;
    }
}
