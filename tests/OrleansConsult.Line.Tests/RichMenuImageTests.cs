using OrleansConsult.Line.RichMenus;
using SkiaSharp;

namespace OrleansConsult.Line.Tests;

/// <summary>The menu pictures the project draws: LINE's size and weight limits, a tile per button with its label on it.</summary>
public sealed class RichMenuImageTests
{
    internal static RichMenuLayout Sample(string firstLabel = "相談する") => new("test", RichMenuSize.Full, 3, 2, "メニュー",
    [
        new RichMenuButton(firstLabel, "相談員とLINEで話す", RichMenuAction.Message(firstLabel, firstLabel), 0, 0, ColumnSpan: 2, Color: "#D9687E"),
        new RichMenuButton("電話で相談", null, RichMenuAction.Message("電話で相談", "電話で相談"), 2, 0, Color: "#3F8F8A"),
        new RichMenuButton("緊急のとき", null, RichMenuAction.Message("緊急のとき", "緊急のとき"), 0, 1, Color: "#C62828"),
        new RichMenuButton("よくある質問", null, RichMenuAction.Message("よくある質問", "よくある質問"), 1, 1, Color: "#4A7FB5"),
        new RichMenuButton("相談記録の削除", "記録を消す（確認があります）", RichMenuAction.Message("相談記録の削除", "相談記録の削除"), 2, 1, Color: "#7A7F87"),
    ]);

    [Fact]
    public void The_picture_is_a_png_of_the_menus_size_under_one_megabyte_with_a_labelled_tile_per_button()
    {
        var layout = Sample();
        using var font = RichMenuFont.Load(null);
        var png = RichMenuImage.RenderPng(layout, font);

        Assert.InRange(png.Length, 1, LinePlatformClient.MaxImageBytes);
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((2500, 1686), (bitmap.Width, bitmap.Height));
        foreach (var button in layout.Buttons)
        {
            var b = layout.BoundsOf(button);
            var tile = SKColor.Parse(button.Color);
            // The tile's colour near its corner, and white label pixels around its middle.
            Assert.Equal(tile, bitmap.GetPixel(b.X + 60, b.Y + 60));
            var white = 0;
            for (var x = b.X + b.Width / 4; x < b.X + 3 * b.Width / 4; x += 3)
            {
                for (var y = b.Y + b.Height / 3; y < b.Y + 2 * b.Height / 3; y += 3)
                {
                    if (bitmap.GetPixel(x, y) == SKColors.White)
                    {
                        white++;
                    }
                }
            }
            Assert.True(white > 200, $"no label drawn on '{button.Label}' ({white} white pixels)");
        }
        // The same layout and font draw the same bytes (a menu is recognised by its content).
        Assert.Equal(png, RichMenuImage.RenderPng(layout, font));
    }

    [Fact]
    public void Areas_tile_the_menu_without_gaps_or_overlaps_and_a_changed_label_is_a_new_menu()
    {
        var layout = Sample();
        var request = layout.ToRequest();
        RichMenuValidator.Validate(request);
        Assert.Equal(2500L * 1686, request.Areas.Sum(a => (long)a.Bounds.Width * a.Bounds.Height));
        Assert.StartsWith("oc-test-", request.Name);
        Assert.Equal(layout.Name, Sample().Name);
        Assert.NotEqual(layout.Name, Sample("相談したい").Name);
    }

    [Fact]
    public void A_missing_font_is_named_with_the_setting_that_fixes_it()
    {
        var missing = Assert.Throws<RichMenuFontMissingException>(() => RichMenuFont.Load("/nonexistent/font.ttc"));
        Assert.Equal(["/nonexistent/font.ttc"], missing.Tried);
        Assert.Contains("Line:RichMenus:FontPath", missing.Message);
        Assert.Contains("fonts-noto-cjk", missing.Message);
    }

    [Fact]
    public void A_menu_breaking_lines_limits_is_refused_naming_the_field()
    {
        var tooLong = Sample().ToRequest() with { ChatBarText = "とても長いチャットバーのテキストです" };
        Assert.Equal("chatBarText", Assert.Throws<Messaging.LineMessageValidationException>(() => RichMenuValidator.Validate(tooLong)).Field);
        var wrongSize = Sample().ToRequest() with { Size = new RichMenuSize(1200, 810) };
        Assert.Equal("size", Assert.Throws<Messaging.LineMessageValidationException>(() => RichMenuValidator.Validate(wrongSize)).Field);
    }
}
