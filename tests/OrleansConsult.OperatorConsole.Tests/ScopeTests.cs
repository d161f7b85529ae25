using System.Net;
using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class ScopeTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_tenant_admin_of_toyama_invited_from_the_console_gets_404_for_shizuoka_city_pages_and_apis()
    {
        // The national admin invites her on the accounts page.
        var admin = await console.NationalPageAsync();
        await admin.GotoAsync("/Accounts");
        await admin.GetByLabel("メールアドレス").FillAsync("toyama-admin@example.jp");
        await admin.GetByLabel("表示名").FillAsync("富山 担当");
        await admin.GetByLabel("役割").SelectOptionAsync("tenant");
        await admin.GetByLabel("富山県（toyama）").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "招待して設定用リンクを発行" }).ClickAsync();
        var link = await admin.Locator("#setup-link").InnerTextAsync();
        await ConsoleFixture.ScreenshotAsync(admin, "06-accounts");

        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);

        // Her own tenant answers; the other tenant is "not found", in pages, forms and APIs alike.
        Assert.Equal(200, (await page.GotoAsync("/Staff/toyama/Invitations"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/Staff/shizuoka-city/Invitations"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/Staff/national/Invitations"))!.Status);
        Assert.Equal(404, (await page.GotoAsync("/Staff/no-such-tenant/Invitations"))!.Status);
        await ConsoleFixture.ScreenshotAsync(page, "07-out-of-scope-404");
        Assert.Equal(200, (await page.APIRequest.GetAsync("/api/tenants/toyama")).Status);
        Assert.Equal(404, (await page.APIRequest.GetAsync("/api/tenants/shizuoka-city")).Status);
        var list = await (await page.APIRequest.GetAsync("/api/tenants")).TextAsync();
        Assert.Contains("toyama", list);
        Assert.DoesNotContain("shizuoka", list);

        // A forged form post for the other tenant (with a valid antiforgery token of hers) is 404 too.
        await page.GotoAsync("/Staff/toyama/Invitations");
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value");
        var forged = await page.APIRequest.PostAsync("/Staff/shizuoka-city/Invitations?handler=Issue", new()
        {
            Form = page.APIRequest.CreateFormData().Set("StaffId", "szo-c01").Set("__RequestVerificationToken", token!),
        });
        Assert.Equal(404, forged.Status);

        // Nothing of the other tenant in her menus, and the national-only and audit pages are closed to her.
        await page.GotoAsync("/Staff");
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("静岡");
        Assert.Equal(403, (await page.GotoAsync("/Audit"))!.Status);

        // Her invitation is audited, with the tenant.
        await admin.GotoAsync("/Audit?Action=account.invited&Tenant=toyama");
        await Assertions.Expect(admin.Locator("#audit-table tbody")).ToContainTextAsync("zenkoku@example.jp");

        // Deactivated, her open session ends at its next re-check (3 s here), and it is audited.
        await admin.GotoAsync("/Accounts");
        await admin.GetByRole(AriaRole.Button, new() { Name = "toyama-admin@example.jp を無効にする" }).ClickAsync();
        await Assertions.Expect(admin.Locator("tr", new() { HasText = "toyama-admin@example.jp" })).ToContainTextAsync("無効");
        await Task.Delay(TimeSpan.FromSeconds(4));
        await page.GotoAsync("/Staff/toyama/Invitations");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await admin.GotoAsync("/Audit?Action=account.deactivated");
        await Assertions.Expect(admin.Locator("#audit-table tbody tr").First).ToContainTextAsync("zenkoku@example.jp");
    }

    [Fact]
    public async Task Without_a_sign_in_every_page_sends_to_sign_in_and_every_api_refuses()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = console.Console };
        var page = await http.GetAsync("/Staff/toyama/Invitations");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/Account/SignIn", page.Headers.Location!.ToString());
        var api = await http.GetAsync("/api/tenants/toyama");
        Assert.True(api.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Unauthorized, api.StatusCode.ToString());
        // A form post without the antiforgery token is refused before anything happens.
        var post = await http.PostAsync("/Account/SignIn", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = "x@example.jp", ["Password"] = "y" }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
    }
}
