namespace OrleansConsult.Line.RichMenus;

/// <summary>GET /v2/bot/richmenu/alias/list: {"aliases": [{"richMenuAliasId": …, "richMenuId": …}]}.</summary>
public sealed record RichMenuAliasListBody(IReadOnlyList<RichMenuAliasRequest>? Aliases);
