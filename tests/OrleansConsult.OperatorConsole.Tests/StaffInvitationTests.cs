using System.Text;
using Microsoft.Playwright;

namespace OrleansConsult.OperatorConsole.Tests;

[Collection(ConsoleCollection.Name)]
public sealed class StaffInvitationTests(ConsoleFixture console)
{
    [Fact]
    public async Task An_invitation_from_the_console_enrolls_the_simulator_staff_phone_and_every_step_is_audited_and_exported()
    {
        var page = await console.NationalPageAsync();
        await page.GotoAsync("/Staff");
        await ConsoleFixture.ScreenshotAsync(page, "08-staff");
        await page.GetByRole(AriaRole.Link, new() { Name = "富山県" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "相談員 みどり さんの招待コードを発行" }).ClickAsync();
        var code = (await page.Locator("#invitation-code").InnerTextAsync()).Trim();
        Assert.Contains("line.me/R/oaMessage/", await page.Locator("#invitation-link").GetAttributeAsync("href"));
        Assert.True(await page.Locator("img.qr-png").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 100"));
        await ConsoleFixture.ScreenshotAsync(page, "09-invitation-issued");

        // Her phone sends the code on the staff channel (signed webhook from the simulator to the Host).
        await console.StaffPhoneSaysAsync("Ustaff-midori", code);
        var enrolled = false;
        for (var i = 0; i < 60 && !enrolled; i++)
        {
            enrolled = (await console.StaffPhoneInboxAsync("Ustaff-midori")).Contains("として登録しました");
            if (!enrolled)
            {
                await Task.Delay(250);
            }
        }
        Assert.True(enrolled, await console.StaffPhoneInboxAsync("Ustaff-midori"));
        await page.GotoAsync("/Staff/toyama/Invitations");
        await Assertions.Expect(page.Locator("#invitation-table tbody tr").First).ToContainTextAsync("使用済み");

        // Issue another and revoke it; then end the enrolled phone's binding.
        await page.GetByRole(AriaRole.Button, new() { Name = "助産師 あおい さんの招待コードを発行" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^招待 .* を取り消す$") }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("取り消しました");
        await page.GetByRole(AriaRole.Button, new() { Name = "相談員 みどり さんの LINE 連携を解除" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("LINE 連携を解除しました");
        await ConsoleFixture.ScreenshotAsync(page, "10-invitations");

        // The audit log has each action, with the tenant, and never the code.
        await page.GotoAsync("/Audit?Tenant=toyama");
        var actions = await page.Locator("#audit-table tbody tr").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
        Assert.Contains("staff-invitation.issued", actions);
        Assert.Contains("staff-invitation.revoked", actions);
        Assert.Contains("staff-binding.revoked", actions);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(code);
        await ConsoleFixture.ScreenshotAsync(page, "11-audit");

        // CSV export: UTF-8 with BOM, the rows of the filter; the export itself is then in the log.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        await using var stream = await download.CreateReadStreamAsync();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var rows = Csv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal("番号", rows[0][0]);
        var exported = rows.Skip(1).Select(r => r[3]).ToList();
        Assert.Contains("staff-invitation.issued", exported);
        Assert.Contains("staff-binding.revoked", exported);
        Assert.All(rows.Skip(1), r => Assert.Equal("toyama", r[4]));
        Assert.DoesNotContain(code, Encoding.UTF8.GetString(bytes));

        await page.GotoAsync("/Audit?Action=audit.exported");
        await Assertions.Expect(page.Locator("#audit-table tbody tr").First).ToContainTextAsync(console.NationalEmail);

        // And the chain holds, checked by the command.
        var (exit, output) = await console.RunCommandAsync("audit", "verify");
        Assert.True(exit == 0, output);
        Assert.Contains("the hash chain is intact", output);
    }
}
