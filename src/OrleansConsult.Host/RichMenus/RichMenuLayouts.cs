using OrleansConsult.Grains.Texts;
using OrleansConsult.Line;
using OrleansConsult.Line.RichMenus;

namespace OrleansConsult.Host.RichMenus;

/// <summary>
/// The two menus. Every tap sends, as her own message, a text the engine already answers: the
/// consultee menu's items (相談する, 電話で相談, 緊急のとき, よくある質問, 相談記録の削除) and the
/// staff commands (出勤, 休憩, 退勤, /一覧, /定型, /SV). Labels come from BotTexts.
/// </summary>
public static class RichMenuLayouts
{
    public const string ListCommand = "/一覧";
    public const string CannedCommand = "/定型";
    public const string SupervisorCommand = "/SV";

    private const string Rose = "#D9687E";
    private const string Teal = "#3F8F8A";
    private const string Red = "#C62828";
    private const string Blue = "#4A7FB5";
    private const string Grey = "#7A7F87";
    private const string Green = "#2E7D32";
    private const string Amber = "#C77800";
    private const string Slate = "#546E7A";
    private const string Purple = "#6A4C93";

    public static RichMenuLayout For(LineChannelRole role) => role == LineChannelRole.Staff ? Staff() : Consultee();

    public static RichMenuLayout Consultee()
    {
        RichMenuButton Button(string key, string? captionKey, int column, int row, string color, int span = 1) =>
            new(BotText.Get(key), captionKey is null ? null : BotText.Get(captionKey), RichMenuAction.Message(BotText.Get(key), BotText.Get(key)), column, row, span, color);
        return new RichMenuLayout("consultee", RichMenuSize.Full, Columns: 3, Rows: 2, BotText.Get("RichMenu.ConsulteeBar"),
        [
            Button("MenuChat", "RichMenu.ChatCaption", 0, 0, Rose, span: 2),
            Button("MenuPhone", "RichMenu.PhoneCaption", 2, 0, Teal),
            Button("MenuEmergency", "RichMenu.EmergencyCaption", 0, 1, Red),
            Button("MenuFaq", "RichMenu.FaqCaption", 1, 1, Blue),
            Button("Erasure.Command", "RichMenu.EraseCaption", 2, 1, Grey),
        ]);
    }

    public static RichMenuLayout Staff()
    {
        RichMenuButton Button(string label, string text, string? caption, int column, int row, string color) =>
            new(label, caption, RichMenuAction.Message(label, text), column, row, 1, color);
        return new RichMenuLayout("staff", RichMenuSize.Full, Columns: 3, Rows: 2, BotText.Get("RichMenu.StaffBar"),
        [
            Button(BotText.Get("Staff.Available"), BotText.Get("Staff.Available"), null, 0, 0, Green),
            Button(BotText.Get("Staff.Away"), BotText.Get("Staff.Away"), null, 1, 0, Amber),
            Button(BotText.Get("Staff.OffShift"), BotText.Get("Staff.OffShift"), null, 2, 0, Slate),
            Button(BotText.Get("RichMenu.ListLabel"), ListCommand, ListCommand, 0, 1, Blue),
            Button(BotText.Get("RichMenu.CannedLabel"), CannedCommand, CannedCommand, 1, 1, Teal),
            Button(BotText.Get("RichMenu.SupervisorLabel"), SupervisorCommand, BotText.Get("RichMenu.SupervisorCaption"), 2, 1, Purple),
        ]);
    }
}
