using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace OrleansConsult.Line.RichMenus;

/// <summary>
/// A rich menu as the project defines it: a grid of buttons drawn by <see cref="RichMenuImage"/>.
/// Its LINE name carries a hash of everything that shows or acts (areas, texts, colours, drawing
/// version), so a menu already on LINE is found by name and a changed menu gets a new one.
/// </summary>
public sealed record RichMenuLayout(string Key, RichMenuSize Size, int Columns, int Rows, string ChatBarText, IReadOnlyList<RichMenuButton> Buttons)
{
    /// <summary>Prefix of every menu this project creates: menus with other names are left alone.</summary>
    public const string NamePrefix = "oc-";

    /// <summary>Bump when the drawing changes, so menus on LINE are redrawn.</summary>
    public const int DrawingVersion = 1;

    public string Name => $"{NamePrefix}{Key}-{ContentHash()[..16]}";

    /// <summary>The menus of this layout, whatever their version: "oc-{key}-".</summary>
    public string NameStem => $"{NamePrefix}{Key}-";

    public RichMenuBounds BoundsOf(RichMenuButton button)
    {
        var cellWidth = Size.Width / Columns;
        var cellHeight = Size.Height / Rows;
        var x = button.Column * cellWidth;
        var y = button.Row * cellHeight;
        // The last column and row take the rounding remainder.
        var right = button.Column + button.ColumnSpan >= Columns ? Size.Width : x + button.ColumnSpan * cellWidth;
        var bottom = button.Row + 1 >= Rows ? Size.Height : y + cellHeight;
        return new RichMenuBounds(x, y, right - x, bottom - y);
    }

    public RichMenuRequest ToRequest(bool selected = false) =>
        new(Size, selected, Name, ChatBarText, Buttons.Select(b => new RichMenuArea(BoundsOf(b), b.Action)).ToList());

    public string ContentHash()
    {
        var request = new RichMenuRequest(Size, false, "", ChatBarText, Buttons.Select(b => new RichMenuArea(BoundsOf(b), b.Action)).ToList());
        var text = new StringBuilder()
            .Append(DrawingVersion).Append('\n')
            .Append(JsonSerializer.Serialize(request, RichMenuJsonContext.Default.RichMenuRequest)).Append('\n');
        foreach (var button in Buttons)
        {
            text.Append(button.Label).Append('\u001f').Append(button.Caption).Append('\u001f').Append(button.Color).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
