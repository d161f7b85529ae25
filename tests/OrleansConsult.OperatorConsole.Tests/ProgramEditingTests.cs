using System.Text.Json;
using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// The program at run time, through the real Host and the LINE simulator: a tenant's hours edited in the
/// console change the bot's answer to the next consultee at once, an invalid edit is refused in Japanese,
/// the entry QR code downloads, and the change is in the audit log.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class ProgramEditingTests(ConsoleFixture console)
{
    [Fact]
    public async Task Editing_a_tenants_hours_changes_the_bots_answer_at_once_and_the_change_is_audited()
    {
        var before = await HoursAnswerAsync("Uprogram-before");
        Assert.DoesNotContain("6:00〜7:30", before);

        var page = await console.NationalPageAsync();
        await page.GotoAsync("/Program");
        await ConsoleFixture.ScreenshotAsync(page, "20-program");
        await page.GetByRole(AriaRole.Link, new() { Name = "静岡市" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("静岡市 の窓口設定");
        Assert.Equal("https://line.me/R/oaMessage/%40oc-dev/?PR-SHIZUOKA-CITY", await page.Locator("#entry-link").GetAttributeAsync("href"));
        var png = await page.APIRequest.GetAsync("/api/program/tenants/shizuoka-city/entry-qr.png");
        Assert.Equal("image/png", png.Headers["content-type"]);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, (await png.BodyAsync())[..4]);
        Assert.Contains("<svg", await (await page.APIRequest.GetAsync("/api/program/tenants/shizuoka-city/entry-qr.svg")).TextAsync());
        await ConsoleFixture.ScreenshotAsync(page, "21-program-tenant");

        // An invalid edit: refused with the reasons in Japanese, nothing saved.
        var version = await page.Locator("#program-version").InnerTextAsync();
        await page.Locator("#hours").FillAsync("月 25:00-12:00\n火 9時から");
        await page.GetByRole(AriaRole.Button, new() { Name = "受付時間を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-errors")).ToContainTextAsync("受付時間 2行目「火 9時から」");
        await Assertions.Expect(page.Locator("#program-errors")).Not.ToContainTextAsync("is not");
        await page.Locator("#hours").FillAsync("月 25:00-12:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "受付時間を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-errors")).ToContainTextAsync("自治体「shizuoka-city」 › 受付時間 1件目 › 開始 は時刻（例: 09:00、24:00 まで）で入力してください");
        await ConsoleFixture.ScreenshotAsync(page, "22-program-refused");
        await page.GotoAsync("/Program/Tenant/shizuoka-city");
        Assert.Equal(version, await page.Locator("#program-version").InnerTextAsync());

        // Split and past-midnight windows; the next consultee is told the new hours at once.
        await page.Locator("#hours").FillAsync("日 06:00-07:30\n日 21:00-02:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "受付時間を保存" }).ClickAsync();
        await Assertions.Expect(page.Locator("#program-notice")).ToContainTextAsync("受付時間を保存しました");
        Assert.NotEqual(version, await page.Locator("#program-version").InnerTextAsync());
        var after = await HoursAnswerAsync("Uprogram-after");
        Assert.Contains("6:00〜7:30", after);

        // The audit log has the change, by whom, with the tenant.
        await page.GotoAsync("/Audit?Action=program.changed");
        var row = page.Locator("#audit-table tbody tr").First;
        await Assertions.Expect(row).ToContainTextAsync(console.NationalEmail);
        await Assertions.Expect(row).ToContainTextAsync("受付時間");
        await Assertions.Expect(row).ToContainTextAsync("shizuoka-city");
        await ConsoleFixture.ScreenshotAsync(page, "23-program-audit");

        // The history shows the new version and its difference.
        await page.GotoAsync("/Program/History");
        await Assertions.Expect(page.Locator("#diff")).ToContainTextAsync("07:30");
        await ConsoleFixture.ScreenshotAsync(page, "24-program-history");
    }

    [Fact]
    public async Task A_tenant_admin_edits_only_her_tenants_program_and_never_moves_staff_out_of_her_scope()
    {
        var admin = await console.NationalPageAsync();
        await admin.GotoAsync("/Accounts");
        await admin.GetByLabel("メールアドレス").FillAsync("program-toyama@example.jp");
        await admin.GetByLabel("表示名").FillAsync("富山 窓口担当");
        await admin.GetByLabel("役割").SelectOptionAsync("tenant");
        await admin.GetByLabel("富山県（toyama）").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "招待して設定用リンクを発行" }).ClickAsync();
        var link = await admin.Locator("#setup-link").InnerTextAsync();
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);

        await page.GotoAsync("/Program");
        await Assertions.Expect(page.Locator("#tenants")).ToContainTextAsync("富山県");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("静岡");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("プログラム全体");
        Assert.Equal(200, (await page.GotoAsync("/Program/Tenant/toyama"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/Program/Tenant/shizuoka-city"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/Program/Pool/national"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/Program/History"))!.Status);
        Assert.Equal(403, (await page.GotoAsync("/Program/Json"))!.Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/api/program/tenants/shizuoka-city/entry-qr.png")).Status);
        Assert.Equal(403, (await page.APIRequest.GetAsync("/api/program/export")).Status);

        // Forged posts with her own antiforgery token: another tenant's page, and a move out of her scope.
        await page.GotoAsync("/Program/Tenant/toyama");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var otherTenant = await page.APIRequest.PostAsync("/Program/Tenant/shizuoka-city?handler=StaffActive", new()
        {
            Form = page.APIRequest.CreateFormData().Set("StaffId", "szo-c01").Set("StaffActive", "false").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(404, otherTenant.Status);
        var moveOut = await page.APIRequest.PostAsync("/Program/Tenant/toyama?handler=StaffMove", new()
        {
            Form = page.APIRequest.CreateFormData().Set("StaffId", "tym-m02").Set("MoveTo", "tenant:shizuoka-city").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(404, moveOut.Status);
        var notHers = await page.APIRequest.PostAsync("/Program/Tenant/toyama?handler=StaffActive", new()
        {
            Form = page.APIRequest.CreateFormData().Set("StaffId", "szo-c01").Set("StaffActive", "false").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(404, notHers.Status);
    }

    /// <summary>A new consultee on the simulator: consents, names 静岡市, asks to talk; returns everything the bot said once it named the hours.</summary>
    private async Task<string> HoursAnswerAsync(string userId)
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
        await PostAsync("text", new { text = "静岡市" });
        await PostAsync("text", new { text = "相談する" });
        var said = "";
        for (var i = 0; i < 80 && !said.Contains("受付時間：", StringComparison.Ordinal); i++)
        {
            await Task.Delay(250);
            said = string.Join("\n", Strings(JsonDocument.Parse(await http.GetStringAsync($"/_sim/users/consultee/{userId}/messages")).RootElement));
        }
        Assert.Contains("受付時間：", said);
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
