using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// Accounts after their invitation: a role and scope changed in place from the console (audited, her session
/// ends so she signs in again with the new role), and the Host commands `admin list` and `admin deactivate`.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AccountManagementTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_supervisor_made_tenant_admin_in_place_signs_in_again_and_gets_the_new_pages_and_the_change_is_audited()
    {
        var link = await console.AdminAddAsync("role-change@example.jp", "--role", "supervisor", "--tenant", "toyama");
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        var key = await console.SetUpAsync(page, link);
        Assert.Equal(403, (await page.GotoAsync("/Program/Tenant/toyama"))!.Status);

        var admin = await console.NationalPageAsync();
        await admin.GotoAsync("/Accounts");
        await admin.Locator("tr", new() { HasText = "role-change@example.jp" }).GetByRole(AriaRole.Link, new() { Name = "役割・範囲を変更" }).ClickAsync();
        await Assertions.Expect(admin.Locator("h1")).ToHaveTextAsync("役割・範囲の変更");
        var roleUrl = admin.Url;

        // A scope that does not fit the role is refused in Japanese, nothing changed.
        await admin.GetByLabel("役割").SelectOptionAsync("supervisor");
        await admin.GetByLabel("静岡市（shizuoka-city）").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#role-error")).ToBeVisibleAsync();

        await admin.GotoAsync(roleUrl);
        await admin.GetByLabel("役割").SelectOptionAsync("tenant");
        await admin.GetByLabel("富山県（toyama）").CheckAsync();
        await admin.GetByLabel("静岡市（shizuoka-city）").CheckAsync();
        await ConsoleFixture.ScreenshotAsync(admin, "65-account-role-change");
        await admin.GetByRole(AriaRole.Button, new() { Name = "変更する" }).ClickAsync();
        await Assertions.Expect(admin.Locator("#changed")).ToContainTextAsync("役割・範囲を変更しました");
        await Assertions.Expect(admin.Locator("tr", new() { HasText = "role-change@example.jp" })).ToContainTextAsync(new System.Text.RegularExpressions.Regex("shizuoka-city,toyama|toyama,shizuoka-city"));

        // Another tenant's admin cannot reach the page of an account outside her tenants.
        var otherLink = await console.AdminAddAsync("role-other@example.jp", "--role", "tenant", "--tenant", "toyama");
        await using var otherContext = await console.NewContextAsync();
        var other = await otherContext.NewPageAsync();
        await console.SetUpAsync(other, otherLink);
        Assert.Equal(404, (await other.GotoAsync(new Uri(roleUrl).AbsolutePath))!.Status);

        // Her session ends at its next re-check (3 s here); signed in again she has the tenant admin's pages.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await page.GotoAsync("/Program/Tenant/toyama");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await page.GetByLabel("メールアドレス").FillAsync("role-change@example.jp");
        await page.GetByLabel("パスワード").FillAsync(ConsoleFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await page.GetByLabel("確認コード（6桁）").FillAsync(ConsoleFixture.Code(key, 1));
        await page.GetByRole(AriaRole.Button, new() { Name = "サインイン" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("富山県 の窓口設定");
        Assert.Equal(200, (await page.GotoAsync("/Program/Tenant/shizuoka-city"))!.Status);

        await admin.GotoAsync("/Audit?Action=account.role-changed");
        var audited = admin.Locator("#audit-table tbody tr").First;
        await Assertions.Expect(audited).ToContainTextAsync(console.NationalEmail);
        await Assertions.Expect(audited).ToContainTextAsync("役割・範囲変更");
    }

    [Fact]
    public async Task Admin_list_shows_every_account_and_admin_deactivate_ends_her_session_and_refuses_her_sign_in()
    {
        var link = await console.AdminAddAsync("leaving@example.jp", "--role", "tenant", "--tenant", "shizuoka-city", "--name", "退職 予定");
        await using var context = await console.NewContextAsync();
        var page = await context.NewPageAsync();
        await console.SetUpAsync(page, link);
        Assert.Equal(200, (await page.GotoAsync("/Program/Tenant/shizuoka-city"))!.Status);

        var (listed, list) = await console.RunCommandAsync("admin", "list");
        Assert.True(listed == 0, list);
        Assert.Matches(@"leaving@example\.jp\ttenant\tshizuoka-city\tactive", list);

        var (unknown, unknownOutput) = await console.RunCommandAsync("admin", "deactivate", "nobody@example.jp");
        Assert.True(unknown == 1, unknownOutput);
        Assert.Contains("No account with the address nobody@example.jp", unknownOutput);

        var (code, output) = await console.RunCommandAsync("admin", "deactivate", "leaving@example.jp");
        Assert.True(code == 0, output);
        Assert.Contains("leaving@example.jp is deactivated", output);

        // Her open session ends at its next re-check (3 s here); her password no longer signs her in.
        await Task.Delay(TimeSpan.FromSeconds(4));
        await page.GotoAsync("/Program/Tenant/shizuoka-city");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/SignIn"));
        await page.GetByLabel("メールアドレス").FillAsync("leaving@example.jp");
        await page.GetByLabel("パスワード").FillAsync(ConsoleFixture.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "次へ" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "確認コード" })).Not.ToBeVisibleAsync();

        (listed, list) = await console.RunCommandAsync("admin", "list");
        Assert.Matches(@"leaving@example\.jp\ttenant\tshizuoka-city\tdeactivated", list);
        var admin = await console.NationalPageAsync();
        await admin.GotoAsync("/Audit?Action=account.deactivated");
        await Assertions.Expect(admin.Locator("#audit-table tbody tr").First).ToContainTextAsync("(コマンドライン)");
    }
}
