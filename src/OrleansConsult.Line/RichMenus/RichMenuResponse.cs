namespace OrleansConsult.Line.RichMenus;

/// <summary>A rich menu as LINE lists it.</summary>
public sealed record RichMenuResponse(string RichMenuId, RichMenuSize? Size, bool Selected, string? Name, string? ChatBarText, IReadOnlyList<RichMenuArea>? Areas);
