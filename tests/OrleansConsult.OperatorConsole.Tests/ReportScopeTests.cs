using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>The monthly report in the console: a tenant admin sees her own tenant's report and exports it; another tenant's is 404.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ReportScopeTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_tenant_admin_gets_her_tenants_report_and_csv_and_404_for_another_tenants_report()
    {
        var admin = await console.NationalPageAsync();
        Assert.Equal(200, (await admin.GotoAsync("/Records/Report?Month=2026-11"))!.Status); // national, for 全国管理者
        await Assertions.Expect(admin.Locator("table[data-table='件数']")).ToBeVisibleAsync();

        await admin.GotoAsync("/Accounts");
        await admin.GetByLabel("メールアドレス").FillAsync("toyama-report@example.jp");
        await admin.GetByLabel("表示名").FillAsync("富山 報告担当");
        await admin.GetByLabel("役割").SelectOptionAsync("tenant");
        await admin.GetByLabel("富山県（toyama）").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "招待して設定用リンクを発行" }).ClickAsync();
        var link = await admin.Locator("#setup-link").InnerTextAsync();

        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);

        Assert.Equal(200, (await page.GotoAsync("/Records/Report/toyama?Month=2026-11"))!.Status);
        await Assertions.Expect(page.Locator("dl.report-heading")).ToContainTextAsync("2026-11");
        Assert.Equal(404, (await page.GotoAsync("/Records/Report/shizuoka-city?Month=2026-11"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/Records/Report?Month=2026-11"))!.Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/Records/Report/shizuoka-city?Month=2026-11&handler=Csv")).Status);

        var csv = await page.APIRequest.GetAsync("/Records/Report/toyama?Month=2026-11&handler=Csv");
        Assert.Equal(200, csv.Status);
        var bytes = await csv.BodyAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Contains("自治体,富山県（toyama）", System.Text.Encoding.UTF8.GetString(bytes));

        await admin.GotoAsync("/Audit?Action=case-report.exported&Tenant=toyama");
        await Assertions.Expect(admin.Locator("#audit-table tbody")).ToContainTextAsync("toyama-report@example.jp");
    }
}
