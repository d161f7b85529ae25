using System.Data.Common;
using System.Globalization;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Storage;

/// <summary>
/// Computes the monthly report from the case records. Everything is SQL that runs the same on SQLite and
/// PostgreSQL (integers, GROUP BY, ROW_NUMBER): the wait percentiles are the nearest ranks of the stored waits
/// (first_wait_us, left_wait_us), picked in the database; the survey average is divided in C# from two integers, so
/// both databases give the same cells. A report is six queries whatever the period: the records grouped by channel, time
/// band, 年代, 妊娠週数 and pool (every count of the records themselves), the records grouped by person (実人数), the labels,
/// the referrals, and the two wait rankings. Rows follow the tenant's lists, then any
/// other stored value in ordinal order, so the same period always gives the same tables.
/// </summary>
public sealed class SqlCaseReport(Database database)
{
    public const string Unclassified = "未分類";
    public const string Total = "合計";

    public async Task<CaseReport> ProduceAsync(
        string? tenantId, DateTimeOffset from, DateTimeOffset to, string period, CaseRecordLists lists,
        DateTimeOffset producedAt, string producedBy, CancellationToken cancellationToken = default, Func<string, string>? poolName = null)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var scope = new Scope(database, connection, tenantId, from, to);

        var groups = await GroupsAsync(scope, cancellationToken);
        var people = await PeopleAsync(scope, groups, cancellationToken);
        var labels = await scope.RowsAsync($"""
            SELECT l.kind, l.value, COUNT(*) FROM oc_case_label l JOIN oc_case_record r ON r.case_id = l.case_id
            WHERE {scope.Where} GROUP BY l.kind, l.value
            """, cancellationToken, keys: 2);

        var tables = new List<ReportTable>
        {
            ChannelTable(groups, people),
            TimeBandTable(groups, people),
            SingleChoice("年代", lists.AgeBands, groups, KeyAgeBand),
            SingleChoice("妊娠週数", lists.PregnancyWeeks, groups, KeyPregnancyWeeks),
            Labels("相談内容", "topic", lists.Topics, labels),
            Labels("対応", "action", lists.Actions, labels),
        };
        tables.AddRange(await ReferralsAsync(scope, lists, cancellationToken));
        tables.Add(await LeftMessagesAsync(scope, groups.Sum(g => g.Numbers[SumLeft]), cancellationToken));
        tables.Add(Pool(groups, poolName ?? (id => id)));
        tables.Add(await AnswersAsync(scope, groups, cancellationToken));
        return new CaseReport(tenantId, period, producedAt, producedBy, tables);
    }

    /// <summary>
    /// 延べ件数 per period and channel (the report page's chart by month): one pass over the records of the whole span,
    /// each period a SUM of its bounds, so the SQL is the same on both databases. Limited to the tenant like the report.
    /// </summary>
    public async Task<ReportTable> CountsByPeriodAsync(
        string? tenantId, IReadOnlyList<(string Label, DateTimeOffset From, DateTimeOffset To)> periods, CancellationToken cancellationToken = default)
    {
        if (periods.Count == 0) return new ReportTable("月別件数", ["月", .. CaseChannels.All, Total], []);
        await using var connection = await database.OpenAsync(cancellationToken);
        var scope = new Scope(database, connection, tenantId, periods.Min(p => p.From), periods.Max(p => p.To));
        var sums = string.Join(", ", periods.Select((_, i) => $"SUM(CASE WHEN r.opened_at >= @p{i}f AND r.opened_at < @p{i}t THEN 1 ELSE 0 END)"));
        var bounds = periods.SelectMany((p, i) => new[] { ($"p{i}f", database.Time(p.From)), ($"p{i}t", database.Time(p.To)) }).ToArray();
        var byChannel = await scope.RowsAsync($"SELECT r.channel, {sums} FROM oc_case_record r WHERE {scope.Where} GROUP BY r.channel", cancellationToken, bounds);
        var channels = Ordered(CaseChannels.All, byChannel.Select(c => c.Key)).ToList();
        var rows = periods.Select((p, i) =>
            (IReadOnlyList<string>)[p.Label, .. channels.Select(c => Count(Find(byChannel, c, i + 1))), Count(byChannel.Sum(c => c.Numbers[i]))]).ToList();
        return new ReportTable("月別件数", ["月", .. channels, Total], rows);
    }

    // The key columns of a row of GroupsAsync, then its sums.
    private const int KeyChannel = 0, KeyTimeBand = 1, KeyAgeBand = 2, KeyPregnancyWeeks = 3, KeyPool = 4;
    private const int SumCases = 0, SumAnswers = 1, SumScores = 2, SumUnclassified = 3, SumLeft = 4, SumByPool = 5;

    /// <summary>
    /// One pass over the records for every count of the records themselves: grouped by channel, time band, 年代, 妊娠週数 and
    /// (for cases a pool answered) the pool, with the survey, unclassified cases and left messages summed alongside. A few
    /// hundred rows at most; every table of these is summed from them in C#.
    /// </summary>
    private static Task<IReadOnlyList<Counted>> GroupsAsync(Scope scope, CancellationToken cancellationToken)
    {
        const string pool = "CASE WHEN r.answered_by_pool = 1 THEN COALESCE(r.answered_by, '') ELSE '' END";
        return scope.RowsAsync($"""
            SELECT r.channel, r.time_band, COALESCE(r.age_band, '{Unclassified}'), COALESCE(r.pregnancy_weeks, '{Unclassified}'), {pool},
                   COUNT(*), COUNT(r.survey_score), COALESCE(SUM(r.survey_score), 0), SUM(CASE WHEN r.classified = 0 THEN 1 ELSE 0 END),
                   SUM(r.left_message), SUM(r.answered_by_pool)
            FROM oc_case_record r WHERE {scope.Where}
            GROUP BY r.channel, r.time_band, r.age_band, r.pregnancy_weeks, {pool}
            """, cancellationToken, keys: 5);
    }

    /// <summary>
    /// 実人数 overall, per channel and per time band from one grouping by person (instead of a COUNT(DISTINCT) sort for each):
    /// per person a 0/1 flag for each channel and band found in <paramref name="groups"/>; a person is counted once in each
    /// she has a case in. Keys: "" (all), then "c:{channel}" and "b:{band}".
    /// </summary>
    private static async Task<IReadOnlyDictionary<string, long>> PeopleAsync(Scope scope, IReadOnlyList<Counted> groups, CancellationToken cancellationToken)
    {
        var channels = groups.Select(g => g.Keys[KeyChannel]).Distinct().Order(StringComparer.Ordinal).ToList();
        var bands = groups.Select(g => g.Keys[KeyTimeBand]).Distinct().Order(StringComparer.Ordinal).ToList();
        if (groups.Count == 0) return new Dictionary<string, long> { [""] = 0 };
        var flags = channels.Select((_, i) => $"MAX(CASE WHEN r.channel = @c{i} THEN 1 ELSE 0 END) AS c{i}")
            .Concat(bands.Select((_, i) => $"MAX(CASE WHEN r.time_band = @b{i} THEN 1 ELSE 0 END) AS b{i}"));
        var sums = channels.Select((_, i) => $"SUM(p.c{i})").Concat(bands.Select((_, i) => $"SUM(p.b{i})"));
        var values = channels.Select((c, i) => ($"c{i}", (object)c)).Concat(bands.Select((b, i) => ($"b{i}", (object)b))).ToArray();
        var row = (await scope.RowsAsync($"""
            SELECT '', COUNT(*), {string.Join(", ", sums)}
            FROM (SELECT r.consultee, {string.Join(", ", flags)} FROM oc_case_record r WHERE {scope.Where} GROUP BY r.consultee) p
            """, cancellationToken, values))[0].Numbers;
        var people = new Dictionary<string, long> { [""] = row[0] };
        for (var i = 0; i < channels.Count; i++) people["c:" + channels[i]] = row[1 + i];
        for (var i = 0; i < bands.Count; i++) people["b:" + bands[i]] = row[1 + channels.Count + i];
        return people;
    }

    private static long Sum(IReadOnlyList<Counted> groups, int key, string value, int sum = SumCases) =>
        groups.Where(g => g.Keys[key] == value).Sum(g => g.Numbers[sum]);

    private static ReportTable ChannelTable(IReadOnlyList<Counted> groups, IReadOnlyDictionary<string, long> people)
    {
        var rows = Ordered(CaseChannels.All, groups.Select(g => g.Keys[KeyChannel]))
            .Select(c => Row(c, Sum(groups, KeyChannel, c), people.GetValueOrDefault("c:" + c)))
            .Append(Row(Total, groups.Sum(g => g.Numbers[SumCases]), people[""]))
            .ToList();
        return new ReportTable("件数", ["経路", "延べ件数", "実人数"], rows);
    }

    private static ReportTable TimeBandTable(IReadOnlyList<Counted> groups, IReadOnlyDictionary<string, long> people)
    {
        var rows = Ordered(TimeBands.All, groups.Select(g => g.Keys[KeyTimeBand]))
            .Select(b => Row(b, Sum(groups, KeyTimeBand, b), people.GetValueOrDefault("b:" + b)))
            .Append(Row(Total, groups.Sum(g => g.Numbers[SumCases]), null))
            .ToList();
        return new ReportTable("時間帯", ["時間帯", "延べ件数", "実人数"], rows);
    }

    /// <summary>One single-choice part of the classification (<paramref name="key"/>: 年代 or 妊娠週数), summed from the groups.</summary>
    private static ReportTable SingleChoice(string title, IReadOnlyList<string> list, IReadOnlyList<Counted> groups, int key)
    {
        var counts = groups.GroupBy(g => g.Keys[key]).Select(g => new Counted([g.Key], [g.Sum(p => p.Numbers[SumCases])])).ToList();
        var rows = Ordered([.. list, Unclassified], counts.Select(r => r.Key)).Select(v => Row(v, Find(counts, v, 1))).ToList();
        return new ReportTable(title, [title, "件数"], rows);
    }

    private static ReportTable Labels(string title, string kind, IReadOnlyList<string> list, IReadOnlyList<Counted> labels)
    {
        var counts = labels.Where(l => l.Keys[0] == kind).Select(l => new Counted([l.Keys[1]], l.Numbers)).ToList();
        var rows = Ordered(list, counts.Select(r => r.Key)).Select(v => Row(v, Find(counts, v, 1))).ToList();
        return new ReportTable(title, [title, "件数"], rows);
    }

    private static async Task<IReadOnlyList<ReportTable>> ReferralsAsync(Scope scope, CaseRecordLists lists, CancellationToken cancellationToken)
    {
        var counts = await scope.RowsAsync($"""
            SELECT f.destination || '|' || f.status, COUNT(*),
                   SUM(CASE WHEN f.accompanied_on IS NOT NULL THEN 1 ELSE 0 END), COALESCE(SUM(f.shelter_nights), 0)
            FROM oc_case_referral f JOIN oc_case_record r ON r.case_id = f.case_id
            WHERE {scope.Where} GROUP BY f.destination, f.status
            """, cancellationToken);
        var pairs = counts.Select(c => (Row: c, Destination: c.Key.Split('|')[0], Status: c.Key.Split('|')[1])).ToList();
        var statuses = Ordered(lists.ReferralStatuses, pairs.Select(p => p.Status)).ToList();
        var destinations = Ordered(lists.Destinations, pairs.Select(p => p.Destination)).ToList();
        var rows = destinations.Select(d =>
            (IReadOnlyList<string>)[d, .. statuses.Select(s => Count(pairs.Where(p => p.Destination == d && p.Status == s).Sum(p => p.Row.Numbers[0]))),
                Count(pairs.Where(p => p.Destination == d).Sum(p => p.Row.Numbers[0]))]).ToList();
        rows.Add([Total, .. statuses.Select(s => Count(pairs.Where(p => p.Status == s).Sum(p => p.Row.Numbers[0]))), Count(pairs.Sum(p => p.Row.Numbers[0]))]);
        var referrals = new ReportTable("つなぎ先", ["つなぎ先", .. statuses, Total], rows);
        var accompaniment = new ReportTable("同行・居場所", ["項目", "値"],
        [
            Row("産科受診同行（件）", pairs.Sum(p => p.Row.Numbers[1])),
            Row("居場所（泊）", pairs.Sum(p => p.Row.Numbers[2])),
        ]);
        return [referrals, accompaniment];
    }

    private static async Task<ReportTable> LeftMessagesAsync(Scope scope, long left, CancellationToken cancellationToken)
    {
        var waits = await RanksAsync(scope, "left_wait_us", "r.left_message = 1", cancellationToken);
        return new ReportTable("伝言", ["項目", "値"],
        [
            Row("伝言（件）", left),
            Row("回答済み（件）", waits.Count),
            ["回答まで 中央値（分）", Minutes(waits.Median)],
            ["回答まで 90%（分）", Minutes(waits.Ninety)],
        ]);
    }

    /// <summary>Cases each nurse pool answered, named as the program in use names the pool (its id when it no longer lists it).</summary>
    private static ReportTable Pool(IReadOnlyList<Counted> groups, Func<string, string> poolName)
    {
        var counts = groups.Where(g => g.Numbers[SumByPool] > 0)
            .GroupBy(g => g.Keys[KeyPool]).Select(g => (Key: g.Key, Count: g.Sum(p => p.Numbers[SumByPool]))).ToList();
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Row(poolName(c.Key), c.Count)).ToList();
        rows.Add(Row(Total, counts.Sum(c => c.Count)));
        return new ReportTable("全国プール対応", ["プール", "件数"], rows);
    }

    private static async Task<ReportTable> AnswersAsync(Scope scope, IReadOnlyList<Counted> groups, CancellationToken cancellationToken)
    {
        var waits = await RanksAsync(scope, "first_wait_us", $"r.channel = '{CaseChannels.Line}'", cancellationToken);
        var (answers, scoreSum, unclassified) =
            (groups.Sum(g => g.Numbers[SumAnswers]), groups.Sum(g => g.Numbers[SumScores]), groups.Sum(g => g.Numbers[SumUnclassified]));
        var average = answers == 0 ? "-" : ((decimal)scoreSum / answers).ToString("0.00", CultureInfo.InvariantCulture);
        return new ReportTable("応答・満足度", ["項目", "値"],
        [
            ["初回応答まで 中央値（分）", Minutes(waits.Median)],
            ["初回応答まで 90%（分）", Minutes(waits.Ninety)],
            Row("アンケート回答（件）", answers),
            ["アンケート平均", average],
            Row("未分類（件）", unclassified),
        ]);
    }

    /// <summary>
    /// How many waits <paramref name="column"/> holds in scope, and its nearest-rank 50 % and 90 % (the k-th smallest,
    /// k = ceil(n × p), in integer arithmetic): the database ranks them and returns at most two rows.
    /// </summary>
    private static async Task<(long Count, TimeSpan? Median, TimeSpan? Ninety)> RanksAsync(Scope scope, string column, string condition, CancellationToken cancellationToken)
    {
        var ranked = await scope.RowsAsync($"""
            SELECT '', x.rn, x.n, x.w FROM (
                SELECT r.{column} AS w, ROW_NUMBER() OVER (ORDER BY r.{column}) AS rn, COUNT(*) OVER () AS n
                FROM oc_case_record r WHERE r.{column} IS NOT NULL AND {condition} AND {scope.Where}) x
            WHERE x.rn = (x.n * 50 + 99) / 100 OR x.rn = (x.n * 90 + 99) / 100
            """, cancellationToken);
        if (ranked.Count == 0) return (0, null, null);
        var n = ranked[0].Numbers[1];
        TimeSpan At(long rank) => TimeSpan.FromTicks(ranked.First(r => r.Numbers[0] == rank).Numbers[2] * 10);
        return (n, At((n * 50 + 99) / 100), At((n * 90 + 99) / 100));
    }

    public static string Minutes(TimeSpan? value) =>
        value is { } v ? v.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static IEnumerable<string> Ordered(IEnumerable<string> list, IEnumerable<string> found)
    {
        var listed = list.ToList();
        return listed.Concat(found.Where(f => !listed.Contains(f)).Distinct().Order(StringComparer.Ordinal));
    }

    private static long Find(IReadOnlyList<Counted> rows, string key, int column) =>
        rows.FirstOrDefault(r => r.Key == key)?.Numbers[column - 1] ?? 0;

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static IReadOnlyList<string> Row(string label, params long?[] values) =>
        [label, .. values.Select(v => v is { } n ? Count(n) : "")];

    /// <summary>A row of counts under its key columns (<see cref="Key"/> is the first).</summary>
    private sealed record Counted(string[] Keys, long[] Numbers)
    {
        public string Key => Keys[0];
    }

    /// <summary>The tenant (or nation) and period every query of one report is limited to.</summary>
    private sealed class Scope(Database database, DbConnection connection, string? tenantId, DateTimeOffset from, DateTimeOffset to)
    {
        public string Where { get; } = tenantId is null
            ? "r.opened_at >= @from AND r.opened_at < @to"
            : "r.tenant_id = @tenant AND r.opened_at >= @from AND r.opened_at < @to";

        /// <summary>Rows of <paramref name="keys"/> text columns followed by integers (a null integer reads as 0).</summary>
        public async Task<IReadOnlyList<Counted>> RowsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] more) =>
            await RowsAsync(sql, cancellationToken, 1, more);

        public async Task<IReadOnlyList<Counted>> RowsAsync(string sql, CancellationToken cancellationToken, int keys, params (string Name, object Value)[] more)
        {
            await using var command = Command(sql);
            foreach (var (name, value) in more) command.Add(name, value);
            var rows = new List<Counted>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var numbers = new long[reader.FieldCount - keys];
                for (var i = keys; i < reader.FieldCount; i++)
                {
                    numbers[i - keys] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                }
                rows.Add(new Counted(Enumerable.Range(0, keys).Select(reader.GetString).ToArray(), numbers));
            }
            return rows;
        }

        private DbCommand Command(string sql)
        {
            var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Add("from", database.Time(from));
            command.Add("to", database.Time(to));
            if (tenantId is not null) command.Add("tenant", tenantId);
            return command;
        }
    }
}
