namespace OrleansConsult.Line.RichMenus;

/// <summary>POST /v2/bot/richmenu/alias and POST /v2/bot/richmenu/alias/{id}: a stable name for a menu id.</summary>
public sealed record RichMenuAliasRequest(string? RichMenuAliasId, string RichMenuId);
