using OrleansConsult.Grains.Records;
using System.Diagnostics;
using Npgsql;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Records;

/// <summary>
/// How long a national year report takes on PostgreSQL from 260,000 case records (about the country's yearly
/// SNS相談 volume). Prints the figure for docs/performance.md; asserts the counts, never the time.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class NationalYearReportBenchmark(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private const int Cases = 260_000;
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task A_national_year_report_from_260000_records_on_postgres()
    {
        var database = await postgres.MigratedDatabaseAsync("postgres", _data.Path);
        await using (var connection = new NpgsqlConnection(database.Options.ConnectionString))
        {
            await connection.OpenAsync();
            // 47 tenants; opened spread over 2026; every 4th case by phone; every 6th unclassified; two topics,
            // one action and one referral in four. Generated in SQL: the point is the report's time, not the insert's.
            await using var command = new NpgsqlCommand($"""
                INSERT INTO oc_case_record (case_id, tenant_id, consultee, channel, opened_at, first_answered_at, closed_at, time_band,
                    urgent, answered_by, answered_by_pool, left_message, left_message_answered_at, survey_score, duration_minutes,
                    classified, age_band, pregnancy_weeks, first_wait_us, left_wait_us)
                SELECT 'c' || g, 't' || (g % 47), 'p' || (g % 150000),
                       CASE WHEN g % 4 = 0 THEN '電話' ELSE 'LINE' END,
                       timestamptz '2026-01-01 00:00+09' + (g * interval '121 seconds'),
                       timestamptz '2026-01-01 00:00+09' + (g * interval '121 seconds') + ((g % 900) * interval '1 second'),
                       timestamptz '2026-01-01 00:00+09' + (g * interval '121 seconds') + interval '40 minutes',
                       (ARRAY['時間内','夜間','休日'])[1 + g % 3], CASE WHEN g % 50 = 0 THEN 1 ELSE 0 END,
                       CASE WHEN g % 7 = 0 THEN 'national' ELSE 't' || (g % 47) END, CASE WHEN g % 7 = 0 THEN 1 ELSE 0 END,
                       CASE WHEN g % 9 = 0 THEN 1 ELSE 0 END,
                       CASE WHEN g % 9 = 0 THEN timestamptz '2026-01-01 00:00+09' + (g * interval '121 seconds') + interval '3 hours' END,
                       CASE WHEN g % 3 = 0 THEN 1 + g % 5 END, CASE WHEN g % 4 = 0 THEN 20 END,
                       CASE WHEN g % 6 = 5 THEN 0 ELSE 1 END,
                       CASE WHEN g % 6 = 5 THEN NULL ELSE (ARRAY['〜15','16–17','18–19','20–24','25 以上','不明'])[1 + g % 6] END,
                       CASE WHEN g % 6 = 5 THEN NULL ELSE (ARRAY['未確認','〜11 週','12–21 週','22 週〜','該当なし'])[1 + g % 5] END,
                       (g % 900) * 1000000::bigint, CASE WHEN g % 9 = 0 THEN 3 * 3600 * 1000000::bigint END
                FROM generate_series(1, {Cases}) AS g;
                INSERT INTO oc_case_label (case_id, kind, value)
                SELECT 'c' || g, 'topic', (ARRAY['妊娠の可能性・検査','妊娠継続の迷い','中絶','体調・受診','避妊'])[1 + g % 5] FROM generate_series(1, {Cases}) g WHERE g % 6 <> 5
                UNION ALL SELECT 'c' || g, 'topic', 'その他' FROM generate_series(1, {Cases}) g WHERE g % 6 <> 5 AND g % 2 = 0
                UNION ALL SELECT 'c' || g, 'action', (ARRAY['情報提供','傾聴・助言','受診勧奨'])[1 + g % 3] FROM generate_series(1, {Cases}) g WHERE g % 6 <> 5;
                INSERT INTO oc_case_referral (referral_id, case_id, destination, place, status, accompanied_on, accompanied_by, shelter_nights)
                SELECT 'r' || g, 'c' || g, (ARRAY['児童相談所','医療機関（産科）','居場所・シェルター','警察'])[1 + g % 4], '窓口',
                       (ARRAY['提案した','連絡した','つながった','不明'])[1 + (g / 4) % 4],
                       CASE WHEN g % 16 = 4 THEN '2026-06-01' END, CASE WHEN g % 16 = 4 THEN '助産師' END, CASE WHEN g % 8 = 0 THEN 2 END
                FROM generate_series(1, {Cases}) g WHERE g % 4 = 0;
                ANALYZE;
                """, connection) { CommandTimeout = 600 };
            await command.ExecuteNonQueryAsync();
        }

        var year = (From: new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)), To: new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.FromHours(9)));
        var report = new SqlCaseReport(database);
        var timings = new List<TimeSpan>();
        CaseReport? produced = null;
        for (var run = 0; run < 3; run++) // the first run warms the connection pool and plan cache
        {
            var clock = Stopwatch.StartNew();
            produced = await report.ProduceAsync(null, year.From, year.To, "2026", RecordListsInUse.Default, year.To, "benchmark");
            timings.Add(clock.Elapsed);
        }
        output.WriteLine($"national year report from {Cases:N0} records on PostgreSQL: " + string.Join(", ", timings.Select(t => $"{t.TotalMilliseconds:F0} ms")));
        Assert.Equal(Cases.ToString(System.Globalization.CultureInfo.InvariantCulture), produced!.Table("件数").Cell("合計", "延べ件数"));
        Assert.Equal("150000", produced.Table("件数").Cell("合計", "実人数"));
        // The waits are ranked in the database: the same nearest ranks as counted here from the generator (LINE: g % 4 != 0).
        var waits = Enumerable.Range(1, Cases).Where(g => g % 4 != 0).Select(g => g % 900).Order().ToList();
        string Rank(int percent) => TimeSpan.FromSeconds(waits[(waits.Count * percent + 99) / 100 - 1]).TotalMinutes.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal((Rank(50), Rank(90)), (produced.Table("応答・満足度").Cell("初回応答まで 中央値（分）", "値"), produced.Table("応答・満足度").Cell("初回応答まで 90%（分）", "値")));
        Assert.Equal("180.0", produced.Table("伝言").Cell("回答まで 90%（分）", "値"));
    }
}
