using OrleansConsult.Grains.Records;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Records;

/// <summary>The case list's filters and paging, and the counts by month of the report's chart, on SQLite and PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseRecordListTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private async Task<(Database Database, SqlCaseRecordStore Store, ScriptedMonth Month)> ScriptedAsync(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var store = new SqlCaseRecordStore(database);
        var month = new ScriptedMonth();
        foreach (var record in month.Records) await store.SaveAsync(record);
        foreach (var referral in month.Referrals) await store.SaveReferralAsync(referral);
        return (database, store, month);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_list_filters_by_topic_and_referral_status_within_the_tenant(string mode)
    {
        var (_, store, month) = await ScriptedAsync(mode);
        var mine = month.Records.Where(r => r.TenantId == ScriptedMonth.Tenant && r.OpenedAt >= ScriptedMonth.From && r.OpenedAt < ScriptedMonth.To).ToList();
        var all = new CaseRecordFilter([ScriptedMonth.Tenant], ScriptedMonth.From, ScriptedMonth.To, Max: 1000);
        Assert.Equal(mine.Count, (await store.ListAsync(all)).Count);

        foreach (var topic in RecordListsInUse.Default.Topics)
        {
            var expected = mine.Where(r => r.Classification?.Topics.Contains(topic) == true).Select(r => r.CaseId).Order().ToList();
            Assert.Equal(expected, (await store.ListAsync(all with { Topic = topic })).Select(r => r.CaseId).Order().ToList());
        }
        foreach (var status in RecordListsInUse.Default.ReferralStatuses)
        {
            var expected = mine.Where(r => month.Referrals.Any(f => f.CaseId == r.CaseId && f.Status == status)).Select(r => r.CaseId).Order().ToList();
            Assert.Equal(expected, (await store.ListAsync(all with { ReferralStatus = status })).Select(r => r.CaseId).Order().ToList());
        }
        var none = mine.Where(r => month.Referrals.All(f => f.CaseId != r.CaseId)).Select(r => r.CaseId).Order().ToList();
        Assert.NotEmpty(none);
        Assert.Equal(none, (await store.ListAsync(all with { ReferralStatus = CaseRecordFilter.NoReferral })).Select(r => r.CaseId).Order().ToList());

        // Together with the other filters, and never another tenant's case.
        var urgentAbortion = mine.Where(r => r.Urgent && r.Classification?.Topics.Contains("中絶") == true).Select(r => r.CaseId).Order().ToList();
        Assert.Equal(urgentAbortion, (await store.ListAsync(all with { Topic = "中絶", Urgent = true })).Select(r => r.CaseId).Order().ToList());
        Assert.Contains("other-1", (await store.ListAsync(all with { Tenants = null, ReferralStatus = CaseRecordFilter.NoReferral })).Select(r => r.CaseId));
        Assert.Empty(await store.ListAsync(all with { Tenants = ["shizuoka-city"], Topic = "中絶" }));
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Pages_of_the_list_are_newest_first_and_together_are_the_whole_list(string mode)
    {
        var (_, store, month) = await ScriptedAsync(mode);
        var all = new CaseRecordFilter([ScriptedMonth.Tenant], ScriptedMonth.From, ScriptedMonth.To, Max: 1000);
        var whole = (await store.ListAsync(all)).Select(r => r.CaseId).ToList();
        var paged = new List<string>();
        for (var offset = 0; ; offset += 25)
        {
            var page = await store.ListAsync(all with { Max = 25, Offset = offset });
            paged.AddRange(page.Select(r => r.CaseId));
            if (page.Count < 25) break;
        }
        Assert.Equal(whole, paged);
        var opened = month.Records.ToDictionary(r => r.CaseId, r => r.OpenedAt);
        Assert.Equal(whole.OrderByDescending(id => opened[id]).ThenBy(id => id, StringComparer.Ordinal), whole);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task Counts_by_month_follow_the_records_and_the_tenant(string mode)
    {
        var (database, store, _) = await ScriptedAsync(mode);
        // One more Toyama case in October by phone, and one of another tenant the same month.
        var october = new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.FromHours(9));
        await store.SaveAsync(new CaseRecord("oct-1", ScriptedMonth.Tenant, "phone:oct-1", CaseChannels.Phone, october, TimeBands.Night));
        await store.SaveAsync(new CaseRecord("oct-2", "shizuoka-city", "line:x", CaseChannels.Line, october, TimeBands.Night));
        var month = new ScriptedMonth();
        var periods = new[]
        {
            ("2026-10", ScriptedMonth.From.AddMonths(-1), ScriptedMonth.From),
            ("2026-11", ScriptedMonth.From, ScriptedMonth.To),
        };
        var counts = await new SqlCaseReport(database).CountsByPeriodAsync(ScriptedMonth.Tenant, periods);
        Assert.Equal(["月", "LINE", "電話", "合計"], counts.Header);
        Assert.Equal(["2026-10", "1", "1", "2"], counts.Rows[0]); // the script's before-1 (LINE) and oct-1 (phone)
        var november = month.Records.Where(r => r.TenantId == ScriptedMonth.Tenant && r.OpenedAt >= ScriptedMonth.From && r.OpenedAt < ScriptedMonth.To).ToList();
        Assert.Equal(["2026-11", november.Count(r => r.Channel == CaseChannels.Line).ToString(), november.Count(r => r.Channel == CaseChannels.Phone).ToString(), november.Count.ToString()],
            counts.Rows[1]);
        var national = await new SqlCaseReport(database).CountsByPeriodAsync(null, periods);
        Assert.Equal(["2026-10", "2", "1", "3"], national.Rows[0]);
    }
}
