namespace OrleansConsult.Line.RichMenus;

/// <summary>GET /v2/bot/richmenu/list: {"richmenus": [...]}.</summary>
public sealed record RichMenuListBody(IReadOnlyList<RichMenuResponse>? Richmenus);
