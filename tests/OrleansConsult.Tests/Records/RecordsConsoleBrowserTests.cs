using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Records;
using OrleansConsult.Tests.Board;
using OrleansConsult.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OrleansConsult.Tests.Records;

/// <summary>
/// The case records console in headless Chromium against the real Host and the LINE simulator, Thursday 3 December
/// 2026 10:30 in Tokyo (Toyama open): a LINE case's page and transcript, the list's filters, the phone form, the charts.
/// </summary>
public sealed class RecordsConsoleBrowserTests
{
    private static readonly DateOnly Thursday = new(2026, 12, 3);
    private static readonly TimeSpan HalfPastTen = new(10, 30, 0);
    private const string Reason = "苦情の申し出があり経過を確認するため";

    [Fact]
    public async Task A_closed_case_shows_its_timeline_and_its_transcript_opens_only_with_a_reason_for_allowed_roles_each_opening_audited()
    {
        await using var console = await ConsoleBrowser.StartAsync(Thursday, HalfPastTen);
        var journey = console.Journey;
        var counselor = await journey.OnShiftAsync("Urecordsstaff1", "TYM-4K7Q-9M2X");
        var she = await journey.ReadyConsulteeAsync("Urecordsconsultee1", "富山市");
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await counselor.ExpectAsync("とつながりました");
        await she.SayAsync("検査薬は陽性でした");
        await counselor.ExpectAsync("検査薬は陽性でした");
        await counselor.SayAsync("お話しくださりありがとうございます");
        await she.ExpectAsync("お話しくださりありがとうございます");
        await counselor.SayAsync("/メモ 次回は受診先を案内");
        await counselor.ExpectAsync("メモを残しました");
        await counselor.SayAsync("/終了");
        await she.TapAsync((await she.ExpectAsync("今回の相談はいかがでしたか")).Postback("4")!);
        await she.ExpectAsync("お答えいただきありがとうございました");
        journey.Clock.Advance(TimeSpan.FromHours(25)); // past the counselor's 24 h on LINE: her supervisor still reads it here

        var store = journey.Host.Services.GetRequiredService<ICaseRecordStore>();
        var day = new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.FromHours(9));
        CaseRecord? record = null;
        Assert.True(await Eventually.TrueAsync(async () =>
            (record = (await store.ListAsync(new CaseRecordFilter(["toyama"], day, day.AddDays(2)))).SingleOrDefault()) is { ClosedAt: not null, SurveyScore: 4 },
            TimeSpan.FromSeconds(15)), "the case record was not closed with its survey");
        var casePage = console.Url($"Records/Case/{record!.CaseId}");
        var transcriptPage = casePage + "/Transcript";

        // The case page: the routing journal read from the case grain, the counselor's note, the survey.
        var national = await console.SignedInAsync("national@example.jp", "national", "");
        await national.GotoAsync(casePage);
        var timeline = national.Locator("#timeline tbody");
        foreach (var step in new[] { "受付", "待ち行列へ", "相談員へ提示", "対応開始", "終了" })
        {
            await Expect(timeline).ToContainTextAsync(step);
        }
        await Expect(timeline).ToContainTextAsync("tym-c01");
        await Expect(national.Locator("#case-status")).ToHaveTextAsync("終了");
        await Expect(national.Locator("#notes")).ToContainTextAsync("次回は受診先を案内");
        await Expect(national.Locator("#survey")).ToHaveTextAsync("4");
        await ConsoleBrowser.ScreenshotAsync(national, "records-case-timeline");

        // Her own tenant's supervisor: refused without a reason and with a vague one (what she typed stays), then opened.
        var supervisor = await console.SignedInAsync("toyama-sv@example.jp", "supervisor", "toyama");
        await supervisor.GotoAsync(casePage);
        await supervisor.Locator("#transcript-link").ClickAsync();
        await supervisor.Locator("#open-transcript").ClickAsync();
        await Expect(supervisor.Locator("#transcript-error")).ToHaveTextAsync("閲覧の理由を入力してください。理由のない閲覧はできません。");
        await Expect(supervisor.Locator("#transcript")).ToHaveCountAsync(0);
        await supervisor.Locator("#reason").FillAsync("確認");
        await supervisor.Locator("#open-transcript").ClickAsync();
        await Expect(supervisor.Locator("#transcript-error")).ToContainTextAsync("5 文字以上");
        await Expect(supervisor.Locator("#reason")).ToHaveValueAsync("確認");
        await Expect(supervisor.Locator("#transcript")).ToHaveCountAsync(0);
        await supervisor.Locator("#reason").FillAsync(Reason);
        await supervisor.Locator("#open-transcript").ClickAsync();
        await Expect(supervisor.Locator("#transcript tr[data-side='相談者']")).ToContainTextAsync("検査薬は陽性でした");
        await Expect(supervisor.Locator("#transcript tr[data-side='相談員']")).ToContainTextAsync("お話しくださりありがとうございます");
        await Expect(supervisor.Locator("#transcript tbody tr").First).ToContainTextAsync("2026-12-03");
        var html = await supervisor.ContentAsync();
        Assert.DoesNotContain("Urecordsconsultee1", html); // her pseudonym only, never her LINE id
        Assert.DoesNotContain("Urecordsstaff1", html);
        Assert.Contains(record.ConsulteeKey.Split(':')[^1][..10], await supervisor.Locator("#pseudonym").InnerTextAsync());
        await ConsoleBrowser.ScreenshotAsync(supervisor, "records-transcript");

        var audit = journey.Host.Services.GetRequiredService<IAuditLog>();
        var opened = Assert.Single(await audit.QueryAsync(new AuditFilter(Action: RecordsAuditActions.TranscriptOpened)));
        Assert.Equal(("toyama-sv@example.jp", "toyama", record.CaseId), (opened.Actor, opened.Tenant, opened.Target));
        Assert.Contains(Reason, opened.AfterJson);

        // The national admin may open it too: a second opening, a second row.
        await national.GotoAsync(transcriptPage);
        await national.Locator("#reason").FillAsync("全国事務局の事例検討のため");
        await national.Locator("#open-transcript").ClickAsync();
        await Expect(national.Locator("#transcript")).ToContainTextAsync("検査薬は陽性でした");
        Assert.Equal(2, (await audit.QueryAsync(new AuditFilter(Action: RecordsAuditActions.TranscriptOpened))).Count);

        // A tenant admin of the same tenant sees the record but not the conversation; a forged post is refused and audited.
        var admin = await console.SignedInAsync("toyama-admin@example.jp", "tenant", "toyama");
        await admin.GotoAsync(casePage);
        await Expect(admin.Locator("#transcript-link")).ToHaveCountAsync(0);
        await Expect(admin.Locator("#notes")).ToHaveCountAsync(0);
        Assert.Equal(403, (await admin.GotoAsync(transcriptPage))!.Status);
        await Expect(admin.Locator("#transcript-error")).ToContainTextAsync("全国管理者とこの自治体のスーパーバイザーだけ");
        var forged = await admin.APIRequest.PostAsync(transcriptPage, new() { Form = Form(admin, await TokenAsync(admin), Reason) });
        Assert.Equal(403, forged.Status);
        Assert.DoesNotContain("検査薬", await forged.TextAsync());
        var refused = Assert.Single(await audit.QueryAsync(new AuditFilter(Action: RecordsAuditActions.TranscriptRefused)));
        Assert.Equal("toyama-admin@example.jp", refused.Actor);

        // Another tenant's supervisor: the case does not exist for her.
        var other = await console.SignedInAsync("shizuoka-sv@example.jp", "supervisor", "shizuoka-city");
        Assert.Equal(404, (await other.GotoAsync(casePage))!.Status);
        Assert.Equal(404, (await other.GotoAsync(transcriptPage))!.Status);
        await other.GotoAsync(console.Url("Records"));
        var otherPost = await other.APIRequest.PostAsync(transcriptPage, new() { Form = Form(other, await TokenAsync(other), Reason) });
        Assert.Equal(404, otherPost.Status);
        Assert.DoesNotContain("検査薬", await otherPost.TextAsync());

        // An auditor never reads a conversation: the records pages are not hers at all.
        var auditor = await console.SignedInAsync("auditor@example.jp", "auditor", "");
        await auditor.GotoAsync(transcriptPage);
        Assert.Contains("/Account/Denied", auditor.Url);
        var auditorPost = await auditor.APIRequest.PostAsync(transcriptPage, new() { Form = Form(auditor, "", Reason), MaxRedirects = 0 });
        Assert.Equal(302, auditorPost.Status);
        Assert.Contains("/Account/Denied", auditorPost.Headers["location"]);

        // Every opening, and only those, in the audit log with its reason, as the national admin reads it.
        Assert.Equal(2, (await audit.QueryAsync(new AuditFilter(Action: RecordsAuditActions.TranscriptOpened))).Count);
        await national.GotoAsync(console.Url("Audit?Action=" + RecordsAuditActions.TranscriptOpened));
        var rows = national.Locator("#audit-table tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0)).ToContainTextAsync("全国事務局の事例検討のため");
        await Expect(rows.Nth(1)).ToContainTextAsync("toyama-sv@example.jp");
        await Expect(rows.Nth(1)).ToContainTextAsync(Reason);
        await ConsoleBrowser.ScreenshotAsync(national, "records-transcript-audit");
    }

    [Fact]
    public async Task The_list_filters_and_pages_within_the_tenant_the_phone_form_keeps_bad_input_and_the_report_charts_show_only_her_tenant()
    {
        await using var console = await ConsoleBrowser.StartAsync(Thursday, HalfPastTen);
        var store = console.Journey.Host.Services.GetRequiredService<ICaseRecordStore>();
        var seeded = Seed();
        foreach (var record in seeded.Records) await store.SaveAsync(record);
        foreach (var referral in seeded.Referrals) await store.SaveReferralAsync(referral);
        var toyama = seeded.Records.Where(r => r.TenantId == "toyama").ToList();

        var admin = await console.SignedInAsync("toyama-officer@example.jp", "tenant", "toyama");
        await admin.GotoAsync(console.Url("Records?From=2026-11-01&Until=2026-11-30"));
        var rows = admin.Locator("#records-table tbody tr");
        await Expect(rows).ToHaveCountAsync(50);
        Assert.DoesNotContain("shizuoka-city", await admin.Locator("#records-table").InnerTextAsync());
        await admin.Locator("#next-page").ClickAsync();
        await Expect(rows).ToHaveCountAsync(toyama.Count - 50);
        await Expect(admin.Locator("#next-page")).ToHaveCountAsync(0);
        Assert.DoesNotContain("shizuoka-city", await admin.Locator("#records-table").InnerTextAsync());

        // The filters, through the form.
        await admin.GotoAsync(console.Url("Records?From=2026-11-01&Until=2026-11-30"));
        await admin.GetByLabel("相談内容").SelectOptionAsync("中絶");
        await admin.GetByLabel("緊急のみ").CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "絞り込む" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(toyama.Count(r => r.Urgent && r.Classification?.Topics.Contains("中絶") == true));
        await ConsoleBrowser.ScreenshotAsync(admin, "records-list-filtered");
        await admin.GotoAsync(console.Url("Records?From=2026-11-01&Until=2026-11-30&Referral=つながった"));
        await Expect(rows).ToHaveCountAsync(toyama.Count(r => seeded.Referrals.Any(f => f.CaseId == r.CaseId && f.Status == "つながった")));
        await admin.GotoAsync(console.Url("Records?From=2026-11-01&Until=2026-11-30&Unclassified=true&Channel=LINE"));
        await Expect(rows).ToHaveCountAsync(toyama.Count(r => r.Classification is null));
        await admin.GotoAsync(console.Url("Records?From=2026-11-01&Until=2026-11-30&Tenant=shizuoka-city"));
        await Expect(rows).ToHaveCountAsync(0); // another tenant named in the query: nothing, not her cases

        // The phone form: bad input is answered in Japanese and nothing typed is lost; then it is recorded.
        await admin.GotoAsync(console.Url("Records/Phone/toyama"));
        var form = admin.Locator("main form");
        await form.EvaluateAsync("f => f.noValidate = true"); // what the server says, not the browser's own check
        await admin.Locator("#at").FillAsync("2099-01-01T10:00");
        await admin.Locator("#duration").FillAsync("0");
        await admin.GetByLabel("緊急").CheckAsync();
        await admin.GetByLabel("中絶").CheckAsync();
        await admin.Locator("#age").SelectOptionAsync("18–19");
        await admin.Locator("#save-phone").ClickAsync();
        var error = admin.Locator("p.error");
        await Expect(error).ToContainTextAsync("受付日時が未来になっています");
        await Expect(error).ToContainTextAsync("通話時間は 1〜600 分で入力してください");
        await Expect(error).ToContainTextAsync("入力した内容は残っています");
        await Expect(admin.Locator("#at")).ToHaveValueAsync("2099-01-01T10:00");
        await Expect(admin.Locator("#duration")).ToHaveValueAsync("0");
        await Expect(admin.GetByLabel("緊急")).ToBeCheckedAsync();
        await Expect(admin.GetByLabel("中絶")).ToBeCheckedAsync();
        await Expect(admin.Locator("#age")).ToHaveValueAsync("18–19");
        await ConsoleBrowser.ScreenshotAsync(admin, "records-phone-error");
        await admin.Locator("#at").FillAsync("2026-11-20T10:00");
        await admin.Locator("#duration").FillAsync("25");
        await admin.Locator("#save-phone").ClickAsync();
        await ConsoleBrowser.LeftForAsync(admin, url => url.Contains("/Records/Case/tel-", StringComparison.Ordinal));
        await Expect(admin.Locator("dl.report-heading")).ToContainTextAsync("25 分");
        await Expect(admin.Locator("main")).ToContainTextAsync("電話相談には会話の記録がありません。");

        // The report's charts: her tenant's figures only (the tables' own), drawn by the vendored Chart.js.
        await admin.GotoAsync(console.Url("Records/Report/toyama?Month=2026-11"));
        foreach (var id in new[] { "chart-months", "chart-bands", "chart-topics" })
        {
            await Expect(admin.Locator($"canvas#{id}")).ToHaveAttributeAsync("data-rendered", "true");
        }
        var charts = JsonDocument.Parse(await admin.Locator("#report-chart-data").InnerTextAsync()).RootElement;
        Assert.Equal(toyama.Count + 1, MonthTotal(charts, "2026-11")); // with the phone call just recorded
        Assert.Equal(toyama.Count(r => r.Classification?.Topics.Contains("中絶") == true) + 1, Value(charts, "chart-topics", "中絶"));
        await ConsoleBrowser.ScreenshotAsync(admin, "records-report-charts");

        var national = await console.SignedInAsync("national-officer@example.jp", "national", "");
        await national.GotoAsync(console.Url("Records/Report?Month=2026-11"));
        var all = JsonDocument.Parse(await national.Locator("#report-chart-data").InnerTextAsync()).RootElement;
        Assert.Equal(seeded.Records.Count + 1, MonthTotal(all, "2026-11"));
    }

    /// <summary>55 Toyama cases in November (every 6th unclassified, 中絶 every 5th, urgent every 10th, つながった every 7th) and 3 of Shizuoka City.</summary>
    private static (List<CaseRecord> Records, List<CaseReferral> Referrals) Seed()
    {
        var records = new List<CaseRecord>();
        var referrals = new List<CaseReferral>();
        var start = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.FromHours(9));
        for (var i = 0; i < 55; i++)
        {
            var classification = i % 6 == 5 ? null : new CaseClassification(i % 5 == 0 ? ["中絶", "避妊"] : ["避妊"], "20–24", "未確認", ["情報提供"]);
            records.Add(new CaseRecord($"seed-{i:D3}", "toyama", $"line:p{i % 30}", CaseChannels.Line, start.AddHours(i * 9), TimeBands.WithinHours,
                start.AddHours(i * 9).AddMinutes(3), start.AddHours(i * 9).AddMinutes(40), Urgent: i % 10 == 0, AnsweredBy: "toyama", Classification: classification));
            if (i % 7 == 0)
            {
                referrals.Add(new CaseReferral($"seed-ref-{i:D3}", $"seed-{i:D3}", "児童相談所", "中央児童相談所", "つながった"));
            }
            else if (i % 4 == 0)
            {
                referrals.Add(new CaseReferral($"seed-ref-{i:D3}", $"seed-{i:D3}", "福祉事務所", "市福祉事務所", "提案した"));
            }
        }
        for (var i = 0; i < 3; i++)
        {
            records.Add(new CaseRecord($"seed-szo-{i}", "shizuoka-city", $"line:s{i}", CaseChannels.Line, start.AddDays(i), TimeBands.Night, Urgent: true,
                Classification: new CaseClassification(["中絶"], "〜15", "未確認", [])));
        }
        return (records, referrals);
    }

    private static long MonthTotal(JsonElement charts, string month)
    {
        var chart = charts.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "chart-months");
        var index = chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList().IndexOf(month);
        return chart.GetProperty("series").EnumerateArray().Sum(s => s.GetProperty("values")[index].GetInt64());
    }

    private static long Value(JsonElement charts, string id, string label)
    {
        var chart = charts.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        var index = chart.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).ToList().IndexOf(label);
        return chart.GetProperty("series")[0].GetProperty("values")[index].GetInt64();
    }

    private static async Task<string> TokenAsync(IPage page) =>
        (await page.Locator("input[name=__RequestVerificationToken]").First.GetAttributeAsync("value"))!;

    private static IFormData Form(IPage page, string token, string reason) =>
        page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token).Set("Reason", reason);
}
