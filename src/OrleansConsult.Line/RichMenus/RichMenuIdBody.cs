namespace OrleansConsult.Line.RichMenus;

/// <summary>{"richMenuId": "..."}: the answer to a create, and GET /v2/bot/user/{all|userId}/richmenu.</summary>
public sealed record RichMenuIdBody(string? RichMenuId);
