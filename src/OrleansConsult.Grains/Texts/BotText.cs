using System.Globalization;
using System.Resources;

namespace OrleansConsult.Grains.Texts;

/// <summary>
/// What the bot and the relay say to people, from Texts/BotTexts.resx (Japanese, the default)
/// and BotTexts.en.resx (English where translated; anything missing falls back to Japanese).
/// </summary>
public static class BotText
{
    private static readonly ResourceManager Resources = new("OrleansConsult.Grains.Texts.BotTexts", typeof(BotText).Assembly);

    public static string Get(string key, CultureInfo? culture = null) =>
        Resources.GetString(key, culture ?? CultureInfo.InvariantCulture)
        ?? throw new KeyNotFoundException($"No bot text '{key}'.");

    public static string Format(string key, params object[] args) =>
        string.Format(CultureInfo.InvariantCulture, Get(key), args);

    /// <summary>How a non-text LINE message is shown on the other side of the relay.</summary>
    public static string DescribeNonText(string messageType) => messageType switch
    {
        "sticker" => Get("NonText.Sticker"),
        "image" => Get("NonText.Image"),
        "video" => Get("NonText.Video"),
        "audio" => Get("NonText.Audio"),
        "file" => Get("NonText.File"),
        "location" => Get("NonText.Location"),
        _ => Get("NonText.Other"),
    };
}
