using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansConsult.Abstractions;
using OrleansConsult.Host.Quota;
using static Microsoft.Playwright.Assertions;

namespace OrleansConsult.Tests.Board;

/// <summary>
/// The board's quota table in headless Chromium, with LINE's figures read from the simulator: a national
/// admin sees each channel's paid pushes this month against its quota, marked at 80 % (注意) and at 95 %
/// (上限間近); a tenant admin does not see the table.
/// </summary>
public sealed class PushQuotaBrowserTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Fact]
    public async Task A_national_admin_sees_pushes_against_the_quota_with_a_warning_at_80_percent()
    {
        await using var console = await ConsoleBrowser.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var journey = console.Journey;
        journey.Simulator.Options.Channels["consultee"].MonthlyQuota = 5;
        var she = journey.Consultee("Uquotaboard");
        await she.FollowAsync();
        await she.ExpectAsync("ご利用の前に");
        var consultee = journey.Grains.GetGrain<IConsulteeGrain>(Infrastructure.HostKeys.LineUser(journey.Host.Services, "consultee", she.UserId));
        // Sends outside her own event carry no reply token: four paid pushes of five.
        for (var i = 0; i < 4; i++)
        {
            await consultee.DeliverAsync([new Outgoing($"お知らせ{i}")], Guid.NewGuid());
        }
        var monitor = journey.Host.Services.GetRequiredService<PushQuotaMonitor>();
        await monitor.ReadAsync("consultee", CancellationToken.None);
        await monitor.ReadAsync("staff", CancellationToken.None);

        var page = await console.SignedInAsync("quota-national@example.jp", "national", "");
        await page.GotoAsync(console.Url("Board"));
        var table = page.GetByRole(AriaRole.Region, new() { Name = "今月のLINE送信数（プッシュ）" });
        await Expect(table).ToBeVisibleAsync();
        var consulteeRow = table.Locator("tbody tr").Filter(new() { HasText = "consultee" });
        await Expect(consulteeRow).ToHaveClassAsync("quota-warn");
        await Expect(consulteeRow.Locator("td").Nth(1)).ToHaveTextAsync("4");
        await Expect(consulteeRow.Locator("td").Nth(2)).ToHaveTextAsync("5");
        await Expect(consulteeRow.Locator("td").Nth(3)).ToContainTextAsync("80");
        await Expect(consulteeRow.Locator("td").Nth(3)).ToContainTextAsync("（注意）");
        var staffRow = table.Locator("tbody tr").Filter(new() { HasText = "staff" });
        await Expect(staffRow).ToHaveClassAsync("quota-ok");
        await Expect(staffRow.Locator("td").Nth(2)).ToHaveTextAsync("上限なし");
        await ConsoleBrowser.ScreenshotAsync(page, "board-push-quota-warn");

        // The fifth push: the quota is used up, the row says so.
        await consultee.DeliverAsync([new Outgoing("お知らせ5")], Guid.NewGuid());
        await monitor.ReadAsync("consultee", CancellationToken.None);
        await page.ReloadAsync();
        await Expect(consulteeRow).ToHaveClassAsync("quota-alarm");
        await Expect(consulteeRow.Locator("td").Nth(3)).ToContainTextAsync("（上限間近）");

        // Not for a tenant admin: the quota is the whole account's.
        var admin = await console.SignedInAsync("quota-toyama@example.jp", "tenant", "toyama");
        await admin.GotoAsync(console.Url("Board"));
        await Expect(admin.Locator("tr[data-board='tenant:toyama']")).ToBeVisibleAsync();
        await Expect(admin.Locator("section.push-quota")).ToHaveCountAsync(0);
    }
}
