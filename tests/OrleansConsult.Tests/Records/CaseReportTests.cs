using OrleansConsult.Grains.Records;
using System.Globalization;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Records;

/// <summary>The case records and the monthly report on SQLite and PostgreSQL: a scripted month, counted independently.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseReportTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset ProducedAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(9));
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<(Database Database, ScriptedMonth Month)> ScriptedAsync(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var store = new SqlCaseRecordStore(database);
        var month = new ScriptedMonth();
        foreach (var record in month.Records) await store.SaveAsync(record);
        foreach (var referral in month.Referrals) await store.SaveReferralAsync(referral);
        await new SqlCaseIndex(database).ForgetAsync(month.ErasedCaseId); // an erasure
        return (database, month);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_store_keeps_a_record_with_its_classification_and_referrals_and_lifecycle_steps_are_idempotent(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var store = new SqlCaseRecordStore(database);
        var opened = new DateTimeOffset(2026, 11, 3, 22, 15, 0, TimeSpan.FromHours(9));
        var record = new CaseRecord("c1", "toyama", "line:abc", CaseChannels.Line, opened, TimeBands.Holiday, Urgent: true, LeftMessage: true);
        await store.OpenedAsync(record);
        await store.OpenedAsync(record with { TimeBand = TimeBands.Night }); // a retry changes nothing
        await store.ConnectedAsync("c1", opened.AddMinutes(4).AddTicks(12_345_670), "national", byPool: true, "counselor-1");
        await store.ConnectedAsync("c1", opened.AddMinutes(9), "toyama", byPool: false, "counselor-2"); // only the first answer counts
        await store.ClosedAsync("c1", opened.AddMinutes(40));
        await store.ClosedAsync("c1", opened.AddMinutes(50));
        await store.SurveyAsync("c1", 4);
        await store.ClassifyAsync("c1", new CaseClassification(["中絶", "避妊"], "18–19", "〜11 週", ["受診勧奨"]));
        await store.SaveReferralAsync(new CaseReferral("r1", "c1", "医療機関（産科）", "市民病院", "つながった", new DateOnly(2026, 11, 5), "助産師"));

        var back = await store.FindAsync("c1");
        Assert.NotNull(back);
        var answered = opened.AddMinutes(4).AddTicks(12_345_670);
        Assert.Equal((TimeBands.Holiday, answered, "national", true, answered, opened.AddMinutes(40), 4, "counselor-2"),
            (back.TimeBand, back.FirstAnsweredAt, back.AnsweredBy, back.AnsweredByPool, back.LeftMessageAnsweredAt, back.ClosedAt, back.SurveyScore, back.CounselorId));
        // The waits are computed in the row, to the microsecond, as the store computes them for a whole record.
        var wait = N(SqlCaseRecordStore.WaitMicroseconds(opened, answered));
        Assert.Equal([wait + "|" + wait], await database.ReadStringsAsync(
            "SELECT CAST(first_wait_us AS TEXT) || '|' || CAST(left_wait_us AS TEXT) FROM oc_case_record WHERE case_id = @case", default, ("case", "c1")));
        Assert.Equal(["中絶", "避妊"], back.Classification!.Topics);
        Assert.Equal(["受診勧奨"], back.Classification.Actions);
        Assert.Equal(("18–19", "〜11 週"), (back.Classification.AgeBand, back.Classification.PregnancyWeeks));
        var referral = Assert.Single(await store.ReferralsOfAsync("c1"));
        Assert.Equal((new DateOnly(2026, 11, 5), "助産師"), (referral.AccompaniedOn, referral.AccompaniedBy));

        var month = new CaseRecordFilter(["toyama"], opened.AddDays(-3), opened.AddDays(27));
        Assert.Single(await store.ListAsync(month with { Urgent = true }));
        Assert.Empty(await store.ListAsync(month with { UnclassifiedOnly = true }));
        Assert.Empty(await store.ListAsync(month with { Channel = CaseChannels.Phone }));
        Assert.Empty(await store.ListAsync(month with { Tenants = ["kochi"] }));

        await new SqlCaseIndex(database).ForgetAsync("c1");
        Assert.Null(await store.FindAsync("c1"));
        Assert.Empty(await store.ReferralsOfAsync("c1"));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_month_report_equals_a_count_made_from_the_script_cell_by_cell(string mode)
    {
        var (database, month) = await ScriptedAsync(mode);
        var report = await new SqlCaseReport(database).ProduceAsync(
            ScriptedMonth.Tenant, ScriptedMonth.From, ScriptedMonth.To, "2026-11", RecordListsInUse.Default, ProducedAt, "officer@toyama");
        AssertMatches(report, month, ScriptedMonth.Tenant);
        Assert.Equal(("toyama", "2026-11", "officer@toyama"), (report.TenantLabel, report.Period, report.ProducedBy));

        var national = await new SqlCaseReport(database).ProduceAsync(
            null, ScriptedMonth.From, ScriptedMonth.To, "2026-11", RecordListsInUse.Default, ProducedAt, "office");
        AssertMatches(national, month, null);
        Assert.Equal(CaseReport.National, national.TenantLabel);
    }

    private static void AssertMatches(CaseReport report, ScriptedMonth month, string? tenant)
    {
        var counted = month.Counted(tenant);
        var ids = counted.Select(r => r.CaseId).ToHashSet();
        var referrals = month.Referrals.Where(f => ids.Contains(f.CaseId)).ToList();
        var lists = RecordListsInUse.Default;
        Assert.True(counted.Count >= 55, "the script should give about 60 cases");
        Assert.True(referrals.Count >= 10);

        var channels = report.Table("件数");
        foreach (var channel in CaseChannels.All)
        {
            var of = counted.Where(r => r.Channel == channel).ToList();
            Assert.Equal(N(of.Count), channels.Cell(channel, "延べ件数"));
            Assert.Equal(N(of.Select(r => r.ConsulteeKey).Distinct().Count()), channels.Cell(channel, "実人数"));
        }
        Assert.Equal(N(counted.Count), channels.Cell("合計", "延べ件数"));
        Assert.Equal(N(counted.Select(r => r.ConsulteeKey).Distinct().Count()), channels.Cell("合計", "実人数"));
        Assert.True(counted.Select(r => r.ConsulteeKey).Distinct().Count() < counted.Count, "people who came back");

        foreach (var band in TimeBands.All)
        {
            Assert.Equal(N(counted.Count(r => r.TimeBand == band)), report.Table("時間帯").Cell(band, "延べ件数"));
        }

        foreach (var age in lists.AgeBands)
        {
            Assert.Equal(N(counted.Count(r => r.Classification?.AgeBand == age)), report.Table("年代").Cell(age, "件数"));
        }
        Assert.Equal(N(counted.Count(r => r.Classification is null)), report.Table("年代").Cell("未分類", "件数"));
        foreach (var weeks in lists.PregnancyWeeks)
        {
            Assert.Equal(N(counted.Count(r => r.Classification?.PregnancyWeeks == weeks)), report.Table("妊娠週数").Cell(weeks, "件数"));
        }
        foreach (var topic in lists.Topics)
        {
            Assert.Equal(N(counted.Count(r => r.Classification?.Topics.Contains(topic) == true)), report.Table("相談内容").Cell(topic, "件数"));
        }
        foreach (var action in lists.Actions)
        {
            Assert.Equal(N(counted.Count(r => r.Classification?.Actions.Contains(action) == true)), report.Table("対応").Cell(action, "件数"));
        }

        var referralTable = report.Table("つなぎ先");
        foreach (var destination in lists.Destinations)
        {
            foreach (var status in lists.ReferralStatuses)
            {
                Assert.Equal(N(referrals.Count(f => f.Destination == destination && f.Status == status)), referralTable.Cell(destination, status));
            }
            Assert.Equal(N(referrals.Count(f => f.Destination == destination)), referralTable.Cell(destination, "合計"));
        }
        Assert.Equal(N(referrals.Count), referralTable.Cell("合計", "合計"));
        Assert.Equal(N(referrals.Count(f => f.AccompaniedOn is not null)), report.Table("同行・居場所").Cell("産科受診同行（件）", "値"));
        Assert.Equal(N(referrals.Sum(f => f.ShelterNights ?? 0)), report.Table("同行・居場所").Cell("居場所（泊）", "値"));

        var left = counted.Where(r => r.LeftMessage).ToList();
        var leftWaits = left.Where(r => r.LeftMessageAnsweredAt is not null).Select(r => r.LeftMessageAnsweredAt!.Value - r.OpenedAt).Order().ToList();
        Assert.Equal(N(left.Count), report.Table("伝言").Cell("伝言（件）", "値"));
        Assert.Equal(N(leftWaits.Count), report.Table("伝言").Cell("回答済み（件）", "値"));
        Assert.Equal(NearestRank(leftWaits, 50), report.Table("伝言").Cell("回答まで 中央値（分）", "値"));
        Assert.Equal(NearestRank(leftWaits, 90), report.Table("伝言").Cell("回答まで 90%（分）", "値"));

        var pooled = counted.Where(r => r.AnsweredByPool).ToList();
        Assert.NotEmpty(pooled);
        Assert.Equal(N(pooled.Count), report.Table("全国プール対応").Cell("national", "件数"));
        Assert.Equal(N(pooled.Count), report.Table("全国プール対応").Cell("合計", "件数"));

        var waits = counted.Where(r => r.Channel == CaseChannels.Line && r.FirstAnsweredAt is not null)
            .Select(r => r.FirstAnsweredAt!.Value - r.OpenedAt).Order().ToList();
        var answers = report.Table("応答・満足度");
        Assert.Equal(NearestRank(waits, 50), answers.Cell("初回応答まで 中央値（分）", "値"));
        Assert.Equal(NearestRank(waits, 90), answers.Cell("初回応答まで 90%（分）", "値"));
        var scores = counted.Where(r => r.SurveyScore is not null).Select(r => r.SurveyScore!.Value).ToList();
        Assert.Equal(N(scores.Count), answers.Cell("アンケート回答（件）", "値"));
        Assert.Equal(Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture), answers.Cell("アンケート平均", "値"));
        Assert.Equal(N(counted.Count(r => r.Classification is null)), answers.Cell("未分類（件）", "値"));
    }

    // The k-th smallest with k = ceil(n * percent / 100), in minutes with one decimal.
    private static string NearestRank(IReadOnlyList<TimeSpan> sorted, int percent) =>
        sorted.Count == 0 ? "-" : sorted[(sorted.Count * percent + 99) / 100 - 1].TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture);
}
