using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Records;

namespace OrleansConsult.Tests.Records;

/// <summary>The pure rules of the records console: who reads a transcript, the reason, the phone form's checks, the charts' data.</summary>
public sealed class RecordsConsolePolicyTests
{
    [Theory]
    [InlineData("national", "", "toyama", true)]
    [InlineData("supervisor", "toyama", "toyama", true)]
    [InlineData("supervisor", "TOYAMA", "toyama", true)]
    [InlineData("supervisor", "shizuoka-city", "toyama", false)]
    [InlineData("supervisor", "pool:national", "toyama", false)]
    [InlineData("tenant", "toyama", "toyama", false)]
    [InlineData("auditor", "", "toyama", false)]
    public void Only_the_national_admin_and_the_cases_own_tenant_supervisor_read_a_transcript(string role, string scope, string tenant, bool reads)
    {
        Assert.Equal(reads, TranscriptAccessPolicy.MayRead(ConsoleScope.Of(ConsoleRoles.Parse(role)!.Value, scope), tenant));
        Assert.False(TranscriptAccessPolicy.MayRead(null, tenant));
    }

    [Theory]
    [InlineData(null, "閲覧の理由を入力してください。理由のない閲覧はできません。")]
    [InlineData("   \n ", "閲覧の理由を入力してください。理由のない閲覧はできません。")]
    [InlineData("確認", "閲覧の理由は 5 文字以上で具体的に入力してください。")]
    [InlineData("苦情の申し出があり経過を確認するため", null)]
    public void A_transcript_reason_is_required_and_specific(string? reason, string? problem) =>
        Assert.Equal(problem, TranscriptReason.Problem(reason));

    [Fact]
    public void A_transcript_reason_is_bounded_and_stored_on_one_line()
    {
        Assert.Equal("閲覧の理由は 200 文字以内で入力してください（いまは 201 文字）。", TranscriptReason.Problem(new string('あ', 201)));
        Assert.Null(TranscriptReason.Problem(new string('あ', 200)));
        Assert.Equal("スーパービジョン のため 確認", TranscriptReason.Normalize("  スーパービジョン\r\nのため   確認 "));
    }

    [Fact]
    public void The_phone_form_names_every_problem_in_japanese()
    {
        var now = new DateTimeOffset(2026, 12, 3, 10, 30, 0, TimeSpan.FromHours(9));
        Assert.Empty(PhoneRecordCheck.Problems(new DateTime(2026, 12, 3, 10, 0, 0), 20, now));
        Assert.Equal(["受付日時を入力してください。", "通話時間（分）を入力してください。"], PhoneRecordCheck.Problems(null, null, now));
        Assert.Equal(["受付日時が未来になっています。通話を受けた日時を入力してください。", "通話時間は 1〜600 分で入力してください。"],
            PhoneRecordCheck.Problems(new DateTime(2026, 12, 4, 9, 0, 0), 0, now));
        Assert.Equal(["通話時間は 1〜600 分で入力してください。"], PhoneRecordCheck.Problems(new DateTime(2026, 12, 3, 9, 0, 0), 601, now));
    }

    [Fact]
    public void Twelve_trailing_months_cross_the_year()
    {
        var months = new ReportMonth(2026, 2).Trailing(12);
        Assert.Equal(12, months.Count);
        Assert.Equal(("2025-03", "2026-02"), (months[0].Text, months[^1].Text));
    }

    [Fact]
    public void The_charts_carry_the_tables_figures_without_the_total_row_of_time_bands()
    {
        var report = new CaseReport("toyama", "2026-11", DateTimeOffset.UnixEpoch, "x",
        [
            new ReportTable("時間帯", ["時間帯", "延べ件数", "実人数"], [["時間内", "5", "4"], ["夜間", "2", "2"], ["休日", "1", "1"], ["合計", "8", ""]]),
            new ReportTable("相談内容", ["相談内容", "件数"], [["中絶", "3"], ["避妊", "0"]]),
        ]);
        var monthly = new ReportTable("月別件数", ["月", "LINE", "電話", "合計"], [["2026-10", "4", "1", "5"], ["2026-11", "6", "2", "8"]]);
        var charts = ReportCharts.Of(report, monthly);
        Assert.Equal(["chart-months", "chart-bands", "chart-topics"], charts.Select(c => c.Id));
        Assert.Equal([["LINE", "4", "6"], ["電話", "1", "2"]],
            charts[0].Series.Select(s => (IEnumerable<string>)[s.Label, .. s.Values.Select(v => v.ToString())]).Select(s => s.ToList()));
        Assert.True(charts[0].Stacked);
        Assert.Equal(["時間内", "夜間", "休日"], charts[1].Labels);
        Assert.Equal([5L, 2L, 1L], charts[1].Series.Single().Values);
        Assert.Equal([3L, 0L], charts[2].Series.Single().Values);
        Assert.Contains("\"labels\":[\"中絶\",\"避妊\"]", System.Text.RegularExpressions.Regex.Unescape(ReportCharts.Json(charts)));
    }
}
