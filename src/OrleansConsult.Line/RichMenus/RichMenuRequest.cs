namespace OrleansConsult.Line.RichMenus;

/// <summary>The body of POST /v2/bot/richmenu (and, with its id, what GET /v2/bot/richmenu/list returns).</summary>
public sealed record RichMenuRequest(RichMenuSize Size, bool Selected, string Name, string ChatBarText, IReadOnlyList<RichMenuArea> Areas)
{
    public const int MaxNameLength = 300;
    public const int MaxChatBarTextLength = 14;
    public const int MaxAreas = 20;
}
