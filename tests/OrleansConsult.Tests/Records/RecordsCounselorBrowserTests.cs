using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Records;
using OrleansConsult.Tests.Board;
using OrleansConsult.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansConsult.Tests.Records;

/// <summary>
/// A case left unclassified on LINE, as her supervisor sees it in the console (Chromium, Thursday 3 December 2026 10:30):
/// the unclassified list and the case page name the counselor who should classify it (the program's display name and
/// staff id, never a LINE id), the timeline's 終了 reason is Japanese, and reloading an opened transcript is not a
/// second opening in the audit log (a new opening is).
/// </summary>
public sealed class RecordsCounselorBrowserTests
{
    private const string Reason = "未分類の相談の内容を確認するため";

    [Fact]
    public async Task The_unclassified_list_and_case_page_name_her_counselor_the_close_reason_is_Japanese_and_a_reload_is_not_a_second_opening()
    {
        await using var console = await ConsoleBrowser.StartAsync(new DateOnly(2026, 12, 3), new TimeSpan(10, 30, 0));
        var journey = console.Journey;
        var counselor = await journey.OnShiftAsync("Ucounselorname-staff", "TYM-4K7Q-9M2X"); // tym-c01, 相談員 さくら
        var she = await journey.ReadyConsulteeAsync("Ucounselorname-she", "富山市");
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        await she.SayAsync("検査薬のことで相談です");
        await counselor.ExpectAsync("検査薬のことで相談です");
        await counselor.SayAsync("/終了");
        var form = await counselor.ExpectAsync("の記録（1/4）");
        await counselor.TapAsync(form.Postback("あとで")!);
        await counselor.ExpectAsync("の記録はあとにしました");

        var store = journey.Host.Services.GetRequiredService<ICaseRecordStore>();
        Assert.True(await Eventually.TrueAsync(async () => (await store.FindAsync(caseId))?.ClosedAt is not null, TimeSpan.FromSeconds(10)));
        Assert.Equal("tym-c01", (await store.FindAsync(caseId))!.CounselorId);

        var supervisor = await console.SignedInAsync("toyama-sv2@example.jp", "supervisor", "toyama");
        await supervisor.GotoAsync(console.Url("Records?From=2026-12-01&Until=2026-12-31&Unclassified=true"));
        var row = supervisor.Locator("#records-table tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("td.counselor")).ToHaveTextAsync("相談員 さくら（tym-c01）");
        await ConsoleBrowser.ScreenshotAsync(supervisor, "records-unclassified-counselor");

        var casePage = console.Url($"Records/Case/{caseId}");
        await supervisor.GotoAsync(casePage);
        await Expect(supervisor.Locator("#counselor")).ToHaveTextAsync("相談員 さくら（tym-c01）");
        var closed = supervisor.Locator("#timeline tbody tr").Filter(new() { HasText = "終了" }).Last;
        await Expect(closed.Locator("td").Nth(4)).ToHaveTextAsync("相談員が終了（/終了）");
        var html = await supervisor.ContentAsync();
        Assert.DoesNotContain("Ucounselorname", html);
        Assert.DoesNotContain(">ended<", html);

        // One opening with a reason; reloading the page it lands on shows the conversation again and audits nothing more.
        var audit = journey.Host.Services.GetRequiredService<IAuditLog>();
        async Task<int> OpeningsAsync() => (await audit.QueryAsync(new AuditFilter(Action: RecordsAuditActions.TranscriptOpened))).Count;
        await supervisor.GotoAsync(casePage + "/Transcript");
        await supervisor.Locator("#reason").FillAsync(Reason);
        await supervisor.Locator("#open-transcript").ClickAsync();
        await Expect(supervisor.Locator("#transcript")).ToContainTextAsync("検査薬のことで相談です");
        Assert.Contains("grant=", supervisor.Url);
        Assert.DoesNotContain(Uri.EscapeDataString(Reason), supervisor.Url);
        Assert.Equal(1, await OpeningsAsync());
        var granted = supervisor.Url;
        await supervisor.ReloadAsync();
        await Expect(supervisor.Locator("#transcript")).ToContainTextAsync("検査薬のことで相談です");
        await supervisor.ReloadAsync();
        await Expect(supervisor.Locator("#transcript")).ToContainTextAsync("検査薬のことで相談です");
        Assert.Equal(1, await OpeningsAsync());

        // Another supervisor of the same tenant with her link: not her grant, so the reason is asked and nothing is shown.
        var colleague = await console.SignedInAsync("toyama-sv3@example.jp", "supervisor", "toyama");
        await colleague.GotoAsync(granted);
        await Expect(colleague.Locator("#transcript")).ToHaveCountAsync(0);
        await Expect(colleague.Locator("#transcript-error")).ToContainTextAsync("もう一度、閲覧の理由を入力してください");
        await Expect(colleague.Locator("#reason")).ToHaveCountAsync(1);

        // Coming back to the page without the grant (or after it lapsed) is a new opening, with a new reason, audited.
        await supervisor.GotoAsync(casePage + "/Transcript");
        await Expect(supervisor.Locator("#transcript")).ToHaveCountAsync(0);
        await supervisor.Locator("#reason").FillAsync("再度の確認のため閲覧します");
        await supervisor.Locator("#open-transcript").ClickAsync();
        await Expect(supervisor.Locator("#transcript")).ToContainTextAsync("検査薬のことで相談です");
        Assert.Equal(2, await OpeningsAsync());
    }
}
