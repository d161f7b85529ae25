namespace OrleansConsult.Line.RichMenus;

/// <summary>A rich menu's size in pixels: LINE takes 2500×1686 (two rows) or 2500×843 (one row).</summary>
public sealed record RichMenuSize(int Width, int Height)
{
    public static readonly RichMenuSize Full = new(2500, 1686);
    public static readonly RichMenuSize Half = new(2500, 843);
}
