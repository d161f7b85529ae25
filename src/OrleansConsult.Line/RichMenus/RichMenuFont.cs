using SkiaSharp;

namespace OrleansConsult.Line.RichMenus;

/// <summary>
/// The font the menus are drawn with, loaded by path (no fontconfig): the configured file, else
/// Noto Sans CJK where Debian and Ubuntu's fonts-noto-cjk put it. It must draw the labels' Japanese.
/// </summary>
public static class RichMenuFont
{
    public static readonly IReadOnlyList<string> DefaultPaths =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Bold.ttc",
        "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
    ];

    /// <summary>Throws <see cref="RichMenuFontMissingException"/> naming every path tried.</summary>
    public static SKTypeface Load(string? configuredPath, string sample = "相談")
    {
        var paths = string.IsNullOrWhiteSpace(configuredPath) ? DefaultPaths : [configuredPath];
        foreach (var path in paths)
        {
            if (!File.Exists(path))
            {
                continue;
            }
            // Index 0 of a Noto CJK collection is the Japanese face.
            var typeface = SKTypeface.FromFile(path, 0);
            if (typeface is not null && Draws(typeface, sample))
            {
                return typeface;
            }
            typeface?.Dispose();
        }
        throw new RichMenuFontMissingException(paths);
    }

    private static bool Draws(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs(text);
        return glyphs.Length > 0 && glyphs.All(g => g != 0);
    }
}
