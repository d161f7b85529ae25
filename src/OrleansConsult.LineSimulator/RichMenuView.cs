using OrleansConsult.Line.RichMenus;

namespace OrleansConsult.LineSimulator;

/// <summary>The menu a user's phone shows (linked to her, else the channel's default), for the phone page.</summary>
public sealed record RichMenuView(string RichMenuId, string? Name, string ChatBarText, int Width, int Height, bool HasImage, bool Linked, IReadOnlyList<RichMenuArea> Areas);
