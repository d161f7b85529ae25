namespace OrleansConsult.Line.RichMenus;

public sealed record RichMenuArea(RichMenuBounds Bounds, RichMenuAction Action);
