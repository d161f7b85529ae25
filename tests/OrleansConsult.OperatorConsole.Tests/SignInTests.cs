using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    [Fact]
    public async Task An_admin_made_by_the_command_sets_up_password_and_totp_then_signs_in_with_both_factors()
    {
        var link = await console.AdminAddAsync("kanri@example.jp", "--role", "national", "--name", "管理 花子");
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        var key = await console.SetUpAsync(page, link, screenshot: "01-setup");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "ホーム" })).ToBeVisibleAsync();
        await ConsoleFixture.ScreenshotAsync(page, "02-home");

        // The link was single use.
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("無効か期限切れ");

        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();
        await page.GotoAsync("/Audit");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));

        await page.GetByLabel("メールアドレス").FillAsync("kanri@example.jp");
        await page.GetByLabel("パスワード").FillAsync(ConsoleFixture.Password);
        await ConsoleFixture.ScreenshotAsync(page, "03-sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "確認コード" })).ToBeVisibleAsync();

        // A wrong code is refused; the right one (a step ahead: the setup used this step's) signs in and returns to the page asked for.
        await page.GetByLabel("確認コード（6桁）").FillAsync("000000" == ConsoleFixture.Code(key, 1) ? "111111" : "000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("確認コードが正しくありません");
        await ConsoleFixture.ScreenshotAsync(page, "04-sign-in-code");
        await page.GetByLabel("確認コード（6桁）").FillAsync(ConsoleFixture.Code(key, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "監査ログ" })).ToBeVisibleAsync();

        // Every step is in the audit log.
        await page.GotoAsync("/Audit?Actor=kanri%40example.jp");
        var actions = await page.Locator("#audit-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.Contains("account.set-up", actions);
        Assert.Contains("sign-out", actions);
        Assert.Contains("sign-in.failed", actions);
        Assert.True(actions.Count(a => a == "sign-in") >= 2, string.Join(",", actions));
    }

    [Fact]
    public async Task Wrong_passwords_lock_the_account_out_and_then_the_right_one_is_refused_too()
    {
        var link = await console.AdminAddAsync("kansa@example.jp", "--role", "auditor");
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);
        await page.GetByRole(AriaRole.Button, new() { Name = "サインアウト" }).ClickAsync();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await page.GotoAsync("/Account/SignIn");
            await page.GetByLabel("メールアドレス").FillAsync("kansa@example.jp");
            await page.GetByLabel("パスワード").FillAsync("machigai-" + attempt);
            await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ロックされています");
        await page.GetByLabel("メールアドレス").FillAsync("kansa@example.jp");
        await page.GetByLabel("パスワード").FillAsync(ConsoleFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("ロックされています");
        await ConsoleFixture.ScreenshotAsync(page, "05-locked-out");

        var admin = await console.NationalPageAsync();
        await admin.GotoAsync("/Audit?Actor=kansa%40example.jp");
        var actions = await admin.Locator("#audit-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.True(actions.Count(a => a == "sign-in.failed") == 4, string.Join(",", actions));
        Assert.True(actions.Count(a => a == "sign-in.locked-out") >= 2, string.Join(",", actions));
        await Assertions.Expect(admin.Locator("#audit-table")).ToContainTextAsync("ロックアウト");
    }

    [Fact]
    public async Task The_public_port_has_no_console_and_the_console_port_has_nothing_else()
    {
        using var http = new HttpClient();
        foreach (var path in new[] { "/", "/Account/SignIn", "/Audit", "/api/tenants", "/assets/css/console.css" })
        {
            Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(console.Public, path))).StatusCode);
        }
        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync(new Uri(console.Console, "/Account/SignIn"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(console.Console, "/readyz"))).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.PostAsync(new Uri(console.Console, "/line/webhook/consultee"), new StringContent("{}"))).StatusCode);
    }
}
