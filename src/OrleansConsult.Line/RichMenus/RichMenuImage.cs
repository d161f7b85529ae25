using SkiaSharp;

namespace OrleansConsult.Line.RichMenus;

/// <summary>
/// Draws a <see cref="RichMenuLayout"/> as the PNG LINE shows: one coloured tile per button with its
/// label and caption, at the menu's exact size, well under LINE's 1 MB. Same layout and font, same bytes.
/// </summary>
public static class RichMenuImage
{
    private const int Gap = 12;

    public static byte[] RenderPng(RichMenuLayout layout, SKTypeface typeface)
    {
        var info = new SKImageInfo(layout.Size.Width, layout.Size.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var ink = new SKPaint { IsAntialias = true, Color = SKColors.White };
        using var labelFont = new SKFont(typeface) { Subpixel = true };
        using var captionFont = new SKFont(typeface) { Subpixel = true };

        foreach (var button in layout.Buttons)
        {
            var bounds = layout.BoundsOf(button);
            var tile = new SKRect(bounds.X + Gap, bounds.Y + Gap, bounds.X + bounds.Width - Gap, bounds.Y + bounds.Height - Gap);
            fill.Color = SKColor.Parse(button.Color);
            canvas.DrawRoundRect(tile, 36, 36, fill);

            var maxWidth = tile.Width * 0.86f;
            labelFont.Size = FitSize(labelFont, button.Label, tile.Height * 0.24f, maxWidth);
            var hasCaption = !string.IsNullOrEmpty(button.Caption);
            var labelBaseline = tile.MidY + labelFont.Size * (hasCaption ? 0.05f : 0.35f);
            canvas.DrawText(button.Label, tile.MidX, labelBaseline, SKTextAlign.Center, labelFont, ink);
            if (hasCaption)
            {
                captionFont.Size = FitSize(captionFont, button.Caption!, tile.Height * 0.1f, maxWidth);
                canvas.DrawText(button.Caption!, tile.MidX, labelBaseline + captionFont.Size * 1.9f, SKTextAlign.Center, captionFont, ink);
            }
        }

        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>The wanted size, smaller when the text would not fit the tile's width.</summary>
    private static float FitSize(SKFont font, string text, float wanted, float maxWidth)
    {
        font.Size = wanted;
        var width = font.MeasureText(text);
        return width <= maxWidth ? wanted : wanted * maxWidth / width;
    }
}
