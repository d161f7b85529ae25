using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Board;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OrleansConsult.Tests.Board;

/// <summary>
/// The live board and staff presence in headless Chromium, through the real Host and the LINE simulator:
/// Thursday 3 December 2026, 10:30 in Tokyo (Toyama open 9–13, Shizuoka City 10–16, the nurse pool closed).
/// </summary>
public sealed partial class BoardBrowserTests(ITestOutputHelper output)
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);
    private static readonly TimeSpan HalfPastTen = new(10, 30, 0);

    /// <summary>The bound: a change shows on every open board within 2 s.</summary>
    private static readonly LocatorAssertionsToHaveCountOptions WithinTwoSeconds = new() { Timeout = 2000 };

    [Fact]
    public async Task A_waiting_consultee_appears_on_the_board_by_tag_within_2_s_and_disappears_when_accepted()
    {
        await using var console = await ConsoleBrowser.StartAsync(Thursday, HalfPastTen);
        var journey = console.Journey;
        var counselor = await journey.OnShiftAsync("Uboardstaff1", "TYM-4K7Q-9M2X");
        var page = await console.SignedInAsync("national@example.jp", "national", "");
        await page.GotoAsync(console.Url("Board"));
        await Expect(page.Locator("tr[data-board='tenant:toyama']")).ToBeVisibleAsync();
        var cases = page.Locator("tr[data-case]");
        await Expect(cases).ToHaveCountAsync(0);

        var she = await journey.ReadyConsulteeAsync("Uboardconsultee1", "富山市");
        await she.SayAsync("相談する");
        var asked = Stopwatch.StartNew();
        await Expect(cases).ToHaveCountAsync(1, WithinTwoSeconds);
        output.WriteLine($"on the board {asked.ElapsedMilliseconds} ms after 相談する was answered");

        var card = await counselor.ExpectAsync("新しい相談があります");
        var tag = TagPattern().Match(card.Text).Value;
        Assert.Equal(tag, await cases.GetAttributeAsync("data-case"));
        await Expect(page.Locator("tr[data-board='tenant:toyama'] td[data-figure='offered']")).ToHaveTextAsync("1");
        await she.SayAsync("検査薬は陽性でした");
        await ConsoleBrowser.ScreenshotAsync(page, "board-waiting");

        await counselor.TapAsync(card.Postback("対応する")!);
        var accepted = Stopwatch.StartNew();
        await Expect(cases).ToHaveCountAsync(0, WithinTwoSeconds);
        output.WriteLine($"off the board {accepted.ElapsedMilliseconds} ms after 対応する was answered");
        await Expect(page.Locator("tr[data-board='tenant:toyama'] td[data-figure='in-chat']")).ToHaveTextAsync("1");

        // Tags only: nothing she wrote and no LINE id, on the page or in the API.
        var html = await page.ContentAsync();
        var json = await (await page.APIRequest.GetAsync(console.Url("api/board"))).TextAsync();
        foreach (var shown in new[] { html, json })
        {
            Assert.DoesNotContain("検査薬", shown);
            Assert.DoesNotContain("Uboardconsultee1", shown);
            Assert.DoesNotContain("Uboardstaff1", shown);
        }
        Assert.Contains("tenant:shizuoka-city", json); // a national admin sees the whole country
        Assert.Contains("pool:national", json);
        await ConsoleBrowser.ScreenshotAsync(page, "board-national");
    }

    [Fact]
    public async Task A_tenant_admin_sees_only_her_tenant_and_a_supervisor_ends_a_forgotten_shift_with_a_notice()
    {
        await using var console = await ConsoleBrowser.StartAsync(Thursday, HalfPastTen);
        var journey = console.Journey;
        var toyamaCounselor = await journey.OnShiftAsync("Uboardstaff2", "TYM-4K7Q-9M2X");
        var shizuokaCounselor = await journey.OnShiftAsync("Uboardstaff3", "SZO-3X9R-1M7W");
        await (await journey.ReadyConsulteeAsync("Uboardconsultee2", "富山市")).SayAsync("相談する");
        await (await journey.ReadyConsulteeAsync("Uboardconsultee3", "静岡市")).SayAsync("相談する");
        var toyamaTag = TagPattern().Match((await toyamaCounselor.ExpectAsync("新しい相談があります")).Text).Value;
        var shizuokaTag = TagPattern().Match((await shizuokaCounselor.ExpectAsync("新しい相談があります")).Text).Value;

        var admin = await console.SignedInAsync("toyama-admin@example.jp", "tenant", "toyama");
        await admin.GotoAsync(console.Url("Board"));
        await Expect(admin.Locator($"tr[data-case='{toyamaTag}']")).ToBeVisibleAsync();
        var html = await admin.ContentAsync();
        Assert.DoesNotContain(shizuokaTag, html);
        Assert.DoesNotContain("静岡", html);
        Assert.DoesNotContain("shizuoka", html);
        Assert.DoesNotContain("pool:", html);
        var json = await (await admin.APIRequest.GetAsync(console.Url("api/board"))).TextAsync();
        Assert.Contains("tenant:toyama", json);
        Assert.DoesNotContain("shizuoka", json);
        Assert.DoesNotContain("pool:", json);
        await ConsoleBrowser.ScreenshotAsync(admin, "board-tenant-admin");

        foreach (var path in new[]
                 {
                     "Board/shizuoka-city", "Board/shizuoka-city?handler=Fragment", "Board/shizuoka-city/Staff", "Board/pool:national",
                     "api/board/shizuoka-city", "api/board/shizuoka-city/events", "api/board/pool:national", "api/board/pool:national/events",
                     "api/board/no-such-tenant",
                 })
        {
            var response = await admin.APIRequest.GetAsync(console.Url(path));
            Assert.True(response.Status == 404, $"{path}: {response.Status}");
            Assert.DoesNotContain("静岡", await response.TextAsync());
        }
        Assert.Equal(200, (await admin.APIRequest.GetAsync(console.Url("api/board/toyama"))).Status);

        // A supervisor of Toyama ends さくら's forgotten shift: she is told on LINE, it is audited, her case stays hers.
        var supervisor = await console.SignedInAsync("toyama-sv@example.jp", "supervisor", "toyama");
        await toyamaCounselor.TapAsync((await toyamaCounselor.ExpectAsync("新しい相談があります")).Postback("対応する")!);
        await toyamaCounselor.ExpectAsync("つながりました");
        await supervisor.GotoAsync(console.Url("Board/toyama/Staff"));
        var row = supervisor.Locator("tr[data-staff='tym-c01']");
        await Expect(row).ToContainTextAsync("出勤");
        await Expect(row).ToContainTextAsync(toyamaTag);
        await ConsoleBrowser.ScreenshotAsync(supervisor, "staff-presence");
        supervisor.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "相談員 さくら さんを退勤にする" }).ClickAsync();
        await Expect(supervisor.Locator("p.notice")).ToContainTextAsync("相談員 さくら さんを退勤にしました");
        await Expect(row).ToContainTextAsync("退勤");
        await Expect(row).ToContainTextAsync(toyamaTag);
        var notice = await toyamaCounselor.ExpectAsync("スーパーバイザーが状態を「退勤」にしました");
        Assert.Contains(toyamaTag, notice.Text);

        var audit = await journey.Host.Services.GetRequiredService<IAuditLog>().QueryAsync(new AuditFilter(Action: BoardAuditActions.ShiftEnded));
        var entry = Assert.Single(audit);
        Assert.Equal(("toyama-sv@example.jp", "toyama", "tym-c01"), (entry.Actor, entry.Tenant, entry.Target));
        Assert.Contains("Available", entry.BeforeJson);
        Assert.Contains("OffShift", entry.AfterJson);

        // Her tenant admin cannot reach the pool's staff, and nobody of another tenant by a forged form.
        var forged = await supervisor.APIRequest.GetAsync(console.Url("Board/shizuoka-city/Staff"));
        Assert.Equal(404, forged.Status);
    }

    [GeneratedRegex("#[0-9A-Z]{4}")]
    private static partial Regex TagPattern();
}
