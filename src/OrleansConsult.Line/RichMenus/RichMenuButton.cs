namespace OrleansConsult.Line.RichMenus;

/// <summary>One cell of a rich menu grid: its big label, a small caption under it, what a tap does, its colour.</summary>
public sealed record RichMenuButton(string Label, string? Caption, RichMenuAction Action, int Column, int Row, int ColumnSpan = 1, string Color = "#4A7FB5");
