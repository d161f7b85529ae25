using OrleansConsult.Tenancy;

namespace OrleansConsult.Tenancy.Tests;

public class AreaDirectoryTests
{
    private readonly AreaDirectory sample = new(Sample.Program.Tenants);

    [Theory]
    [InlineData("富山")]
    [InlineData("富山県")]
    [InlineData("とやま")]
    [InlineData("トヤマ")]
    [InlineData("ﾄﾔﾏ")]
    [InlineData("toyama")]
    [InlineData("Toyama")]
    [InlineData("ｔｏｙａｍａ")]
    [InlineData("富山市")]
    [InlineData("とやまし")]
    [InlineData(" 高岡市 ")]
    [InlineData("高岡")]
    [InlineData("富山に住んでいます")]
    public void Spellings_of_toyama_find_toyama(string typed) =>
        Assert.Equal("toyama", sample.Find(typed).Tenant?.Id);

    [Theory]
    [InlineData("静岡市")]
    [InlineData("しずおか")]
    [InlineData("Shizuoka")]
    [InlineData("清水区")]
    public void Spellings_of_shizuoka_find_the_city(string typed) =>
        Assert.Equal("shizuoka-city", sample.Find(typed).Tenant?.Id);

    [Theory]
    [InlineData("PR-TOYAMA")]
    [InlineData("pr-toyama")]
    [InlineData("ＰＲ－ＴＯＹＡＭＡ")]
    public void Entry_code_from_a_pr_card_finds_the_tenant(string typed)
    {
        var match = sample.Find(typed);
        Assert.True(match.Found);
        Assert.Equal("toyama", match.Tenant!.Id);
    }

    [Fact]
    public void Entry_link_carries_the_code() =>
        Assert.Equal("https://line.me/R/oaMessage/%40123abcde/?PR-TOYAMA", Sample.Toyama.EntryLink("@123abcde"));

    [Fact]
    public void Unknown_area_gives_up_to_three_closest_suggestions()
    {
        var directory = new AreaDirectory([
            Tenant("osaka", "大阪府", "おおさか", "osaka"),
            Tenant("toyama", "富山県", "とやま", "toyama"),
            Tenant("shizuoka", "静岡県", "しずおか", "shizuoka"),
            Tenant("kyoto", "京都府", "きょうと", "kyoto"),
        ]);

        var match = directory.Find("toyamma");
        Assert.False(match.Found);
        Assert.Equal(3, match.Suggestions.Count);
        Assert.Equal("toyama", match.Suggestions[0].Id);

        Assert.Equal("kyoto", directory.Find("京都").Tenant?.Id);
        Assert.Equal(3, directory.Find("北海道").Suggestions.Count);
    }

    [Fact]
    public void Prefecture_and_city_tenants_with_the_same_stem_are_told_apart()
    {
        var directory = new AreaDirectory([
            Tenant("shizuoka-pref", "静岡県", "しずおかけん"),
            Tenant("shizuoka-city", "静岡市", "しずおかし"),
        ]);
        Assert.Equal("shizuoka-pref", directory.Find("静岡県").Tenant?.Id);
        Assert.Equal("shizuoka-city", directory.Find("静岡市").Tenant?.Id);

        var unsure = directory.Find("静岡");
        Assert.False(unsure.Found);
        Assert.Equal(["shizuoka-pref", "shizuoka-city"], unsure.Suggestions.Select(t => t.Id).Order().Reverse());
    }

    private static TenantSettings Tenant(string id, string name, params string[] aliases) =>
        Sample.Toyama with { Id = id, DisplayName = name, EntryCode = "PR-" + id, Areas = [new AreaName(name, aliases)] };
}
