namespace OrleansConsult.Line.RichMenus;

/// <summary>No font that draws Japanese was found: rich menus cannot be drawn (the rest of the service runs).</summary>
public sealed class RichMenuFontMissingException(IReadOnlyList<string> tried)
    : Exception($"No CJK font for the rich menu images: tried {string.Join(", ", tried)}. Install fonts-noto-cjk or set Line:RichMenus:FontPath to a .ttf/.otf/.ttc with Japanese glyphs.")
{
    public IReadOnlyList<string> Tried { get; } = tried;
}
