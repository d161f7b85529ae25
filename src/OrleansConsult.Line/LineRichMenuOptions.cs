namespace OrleansConsult.Line;

/// <summary>"Line:RichMenus": the menus drawn and put on LINE at start.</summary>
public sealed class LineRichMenuOptions
{
    /// <summary>Off: no menu is created, set or linked (menus made by hand in the account manager stay as they are).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>A font file with Japanese glyphs (.ttf, .otf, .ttc); empty: Noto Sans CJK from fonts-noto-cjk.</summary>
    public string? FontPath { get; set; }
}
