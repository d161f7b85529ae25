namespace OrleansConsult.Line.RichMenus;

/// <summary>A tappable rectangle of a rich menu, in the image's pixels.</summary>
public sealed record RichMenuBounds(int X, int Y, int Width, int Height);
