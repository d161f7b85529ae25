using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// 定型文 on a tenant's program page: a title too long for a LINE quick-reply label is refused in Japanese and
/// nothing is saved; a valid list is saved as a new program version and shown again, with its history.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class CannedReplyEditingTests(ConsoleFixture console)
{
    [Fact]
    public async Task Canned_replies_are_edited_on_the_tenants_page_with_the_loaders_limits()
    {
        var page = await console.NationalPageAsync();
        await page.GotoAsync("/Program/Tenant/shizuoka-city");
        await Assertions.Expect(page.Locator("#canned-title")).ToHaveTextAsync("定型文");
        await Assertions.Expect(page.Locator("section[aria-labelledby=canned-title] p").First).ToContainTextAsync("あいさつ"); // the national ones are named
        var version = await page.Locator("#program-version").InnerTextAsync();

        await page.Locator("#canned").FillAsync("とても長い題名はLINEのボタンに入りきりません\n本文");
        await page.GetByRole(AriaRole.Button, new() { Name = "定型文を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-errors")).ToContainTextAsync("定型文 1件目 › 題名 は20文字以内にしてください");
        await page.GotoAsync("/Program/Tenant/shizuoka-city");
        Assert.Equal(version, await page.Locator("#program-version").InnerTextAsync());

        await page.Locator("#canned").FillAsync("静岡市の窓口\n{area}の方は、次の番号でも相談できます。\n{phones}\n---\n受診の費用\n妊婦健診には助成があります。");
        await page.GetByRole(AriaRole.Button, new() { Name = "定型文を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-notice")).ToContainTextAsync("定型文を保存しました");
        Assert.NotEqual(version, await page.Locator("#program-version").InnerTextAsync());
        await ConsoleFixture.ScreenshotAsync(page, "27-program-canned");

        await page.GotoAsync("/Program/Tenant/shizuoka-city");
        var saved = await page.Locator("#canned").InputValueAsync();
        Assert.Equal("静岡市の窓口\n{area}の方は、次の番号でも相談できます。\n{phones}\n---\n受診の費用\n妊婦健診には助成があります。", saved.ReplaceLineEndings("\n"));
        await page.GotoAsync("/Program/History");
        await Assertions.Expect(page.Locator("#diff")).ToContainTextAsync("受診の費用");
    }
}
