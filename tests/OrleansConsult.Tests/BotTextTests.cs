using System.Globalization;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Tests;

public sealed class BotTextTests
{
    [Fact]
    public void Japanese_is_the_default_and_formats_its_arguments()
    {
        Assert.Equal("現在2番目にお待ちいただいています。", BotText.Format("QueuePosition", 2));
        Assert.Equal("相談する", BotText.Get("MenuChat"));
    }

    [Fact]
    public void English_is_available_and_falls_back_to_japanese_where_untranslated()
    {
        var en = CultureInfo.GetCultureInfo("en");
        Assert.Equal("Talk to a counselor", BotText.Get("MenuChat", en));
        Assert.Equal(BotText.Get("Emergency"), BotText.Get("Emergency", en));
    }

    [Theory]
    [InlineData("sticker", "［スタンプ］")]
    [InlineData("image", "［画像］")]
    [InlineData("location", "［位置情報］")]
    [InlineData("somethingNew", "［メッセージ］")]
    public void Non_text_messages_become_a_short_japanese_description(string type, string expected) =>
        Assert.Equal(expected, BotText.DescribeNonText(type));

    [Fact]
    public void Emergency_text_names_the_national_numbers() =>
        Assert.All(new[] { "119", "110", "189", "#8000" }, number => Assert.Contains(number, BotText.Get("Emergency")));

    [Fact]
    public void An_unknown_key_is_an_error_not_an_empty_message() =>
        Assert.Throws<KeyNotFoundException>(() => BotText.Get("NoSuchText"));
}
