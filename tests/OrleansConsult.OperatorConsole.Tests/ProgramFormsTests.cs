using System.Text.Json;
using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// The 全国管理者's structured program forms (not the JSON editor): crisis words and emergency contacts used by
/// the bot at once, a new tenant and a new nurse pool, each refused in Japanese by the file loader's rules when
/// invalid (nothing saved), audited, and closed to a tenant admin.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProgramFormsTests(ConsoleFixture console)
{
    [Fact]
    public async Task Crisis_words_and_emergency_contacts_are_edited_as_forms_and_the_bot_answers_with_them_at_once()
    {
        var page = await console.NationalPageAsync();
        await page.GotoAsync("/Program");
        await page.Locator("#national-settings").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("全国共通の設定");
        await Assertions.Expect(page.Locator("#crisis-words")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("死にたい"));

        await page.Locator("#crisis-words").FillAsync("死にたい\n消えたい\nもうむりかも");
        await page.GetByRole(AriaRole.Button, new() { Name = "危機ワードを保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-notice")).ToContainTextAsync("危機ワードを保存しました");
        await Assertions.Expect(page.Locator("#crisis-words")).ToHaveValueAsync("死にたい\n消えたい\nもうむりかも");

        // A line without its number: refused in Japanese with the line, nothing saved.
        var version = await page.Locator("#program-version").InnerTextAsync();
        await page.Locator("#emergency-contacts").FillAsync("救急 | 119 | 命に関わるとき\n夜間の窓口");
        await page.GetByRole(AriaRole.Button, new() { Name = "緊急連絡先を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-errors")).ToContainTextAsync("緊急連絡先 2行目「夜間の窓口」");
        await ConsoleFixture.ScreenshotAsync(page, "60-national-refused");
        await page.GotoAsync("/Program/National");
        Assert.Equal(version, await page.Locator("#program-version").InnerTextAsync());

        await page.Locator("#emergency-contacts").FillAsync("救急 | 119 | 命に関わるとき\nフォーム試験窓口 | 0120-000-999 | 夜間の相談");
        await page.GetByRole(AriaRole.Button, new() { Name = "緊急連絡先を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-notice")).ToContainTextAsync("緊急連絡先を保存しました");
        await ConsoleFixture.ScreenshotAsync(page, "61-national");

        // The next consultee who writes the new word is answered with the new contact.
        var said = await ConsulteeSaysAsync("Uforms-crisis", "もうむりかもしれない", "フォーム試験窓口");
        Assert.Contains("0120-000-999", said);

        await page.GotoAsync("/Audit?Action=program.changed");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").First).ToContainTextAsync("緊急連絡先");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").Nth(1)).ToContainTextAsync("危機ワード");
    }

    [Fact]
    public async Task A_new_tenant_and_a_new_pool_are_added_from_forms_and_refused_in_japanese_when_the_loader_refuses()
    {
        var page = await console.NationalPageAsync();
        await page.GotoAsync("/Program");
        await page.Locator("#new-tenant").ClickAsync();
        await page.GetByLabel("自治体ID", new() { Exact = false }).FillAsync("niigata-city");
        await page.Locator("#display-name").FillAsync("新潟市");
        await page.Locator("#kind").SelectOptionAsync("DesignatedCity");
        await page.Locator("#entry-code").FillAsync("PR-TOYAMA"); // 富山県's
        await page.Locator("#areas").FillAsync("新潟市: にいがた, niigata");
        await page.Locator("#hours").FillAsync("月,水,金 10:00-16:00\n土 20:00-02:00");
        await page.Locator("#phones").FillAsync("新潟市 妊娠相談 | 025-000-0000 | 平日 9:00〜17:00");
        await page.Locator("#overflow").SelectOptionAsync("national");
        await page.GetByRole(AriaRole.Button, new() { Name = "自治体を追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-errors")).ToContainTextAsync("入口コード");
        await Assertions.Expect(page.Locator("#program-errors")).Not.ToContainTextAsync("is ");
        await Assertions.Expect(page.Locator("#areas")).ToHaveValueAsync("新潟市: にいがた, niigata"); // what she typed stays
        await ConsoleFixture.ScreenshotAsync(page, "62-new-tenant-refused");
        Assert.Equal(404, (await page.GotoAsync("/Program/Tenant/niigata-city"))!.Status);

        await page.GotoAsync("/Program/NewTenant");
        await page.Locator("#tenant-id").FillAsync("niigata-city");
        await page.Locator("#display-name").FillAsync("新潟市");
        await page.Locator("#kind").SelectOptionAsync("DesignatedCity");
        await page.Locator("#entry-code").FillAsync("PR-NIIGATA");
        await page.Locator("#areas").FillAsync("新潟市: にいがた, niigata");
        await page.Locator("#hours").FillAsync("月,水,金 10:00-16:00\n土 20:00-02:00");
        await page.Locator("#phones").FillAsync("新潟市 妊娠相談 | 025-000-0000 | 平日 9:00〜17:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "自治体を追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("新潟市 の窓口設定");
        await Assertions.Expect(page.Locator("#program-notice")).ToContainTextAsync("自治体「niigata-city」を追加しました");
        Assert.Equal("https://line.me/R/oaMessage/%40oc-dev/?PR-NIIGATA", await page.Locator("#entry-link").GetAttributeAsync("href"));
        Assert.Equal("image/png", (await page.APIRequest.GetAsync("/api/program/tenants/niigata-city/entry-qr.png")).Headers["content-type"]);
        Assert.Contains("<svg", await (await page.APIRequest.GetAsync("/api/program/tenants/niigata-city/entry-qr.svg")).TextAsync());
        await Assertions.Expect(page.Locator("#hours")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("20:00-02:00"));
        await ConsoleFixture.ScreenshotAsync(page, "63-new-tenant");
        // In use on the silo: the program list (read from the program in use) shows her.
        await page.GotoAsync("/Program");
        await Assertions.Expect(page.Locator("#tenants")).ToContainTextAsync("新潟市");

        // A pool for a tenant that does not exist is refused; then added for 新潟市.
        await page.Locator("#new-pool").ClickAsync();
        await page.Locator("#pool-id").FillAsync("hokuriku");
        await page.Locator("#pool-name").FillAsync("北陸 夜間看護師プール");
        await page.Locator("#pool-tenants").FillAsync("nowhere-city");
        await page.Locator("#pool-hours").FillAsync("月,火,水,木,金,土,日 18:00-23:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "プールを追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-errors")).ToContainTextAsync("nowhere-city");
        await page.Locator("#pool-tenants").FillAsync("niigata-city");
        await page.GetByRole(AriaRole.Button, new() { Name = "プールを追加" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-notice")).ToContainTextAsync("看護師プール「hokuriku」を追加しました");
        await ConsoleFixture.ScreenshotAsync(page, "64-new-pool");

        await page.GotoAsync("/Audit?Action=program.changed");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").First).ToContainTextAsync("hokuriku");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").Nth(1)).ToContainTextAsync("niigata-city");
    }

    [Fact]
    public async Task A_tenant_admin_gets_403_for_the_national_forms_and_their_posts()
    {
        var link = await console.AdminAddAsync("forms-toyama@example.jp", "--role", "tenant", "--tenant", "toyama");
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);
        foreach (var path in new[] { "/Program/National", "/Program/NewTenant", "/Program/NewPool" })
        {
            Assert.Equal(403, (await page.GotoAsync(path))!.Status);
        }
        await page.GotoAsync("/Program/Tenant/toyama");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync("/Program/NewTenant", new()
        {
            Form = page.APIRequest.CreateFormData().Set("TenantId", "forged").Set("DisplayName", "x").Set("EntryCode", "X-1").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(403, forged.Status);
        var crisis = await page.APIRequest.PostAsync("/Program/National?handler=Crisis", new()
        {
            Form = page.APIRequest.CreateFormData().Set("CrisisWordsText", "x").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(403, crisis.Status);
        await page.GotoAsync("/Program");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("全国共通の設定");
    }

    /// <summary>A new consultee on the simulator consents and writes <paramref name="text"/>; returns all the bot said once it contains <paramref name="expected"/>.</summary>
    private async Task<string> ConsulteeSaysAsync(string userId, string text, string expected)
    {
        using var http = new HttpClient { BaseAddress = console.SimulatorUrl };
        async Task PostAsync(string what, object body)
        {
            var response = await http.PostAsync($"/_sim/users/consultee/{userId}/{what}",
                new StringContent(JsonSerializer.Serialize(body), System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }
        await PostAsync("follow", new { });
        await PostAsync("postback", new { data = "consent:yes" });
        await PostAsync("text", new { text });
        var said = "";
        for (var i = 0; i < 80 && !said.Contains(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            said = string.Join("\n", Strings(JsonDocument.Parse(await http.GetStringAsync($"/_sim/users/consultee/{userId}/messages")).RootElement));
        }
        Assert.Contains(expected, said);
        return said;
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };
}
