using System.Data.Common;
using System.Globalization;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Storage;

/// <summary>
/// Computes the monthly report from the case records. Counts are SQL that runs the same on SQLite and
/// PostgreSQL (integers and GROUP BY only); percentiles and the survey average are taken in C# from the
/// rows, so both databases give the same cells. Rows follow the tenant's lists, then any other stored value
/// in ordinal order, so the same period always gives the same tables.
/// </summary>
public sealed class SqlCaseReport(Database database)
{
    public const string Unclassified = "未分類";
    public const string Total = "合計";

    public async Task<CaseReport> ProduceAsync(
        string? tenantId, DateTimeOffset from, DateTimeOffset to, string period, CaseRecordLists lists,
        DateTimeOffset producedAt, string producedBy, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var scope = new Scope(database, connection, tenantId, from, to);

        var tables = new List<ReportTable>
        {
            await ChannelsAsync(scope, cancellationToken),
            await TimeBandsAsync(scope, cancellationToken),
            await SingleChoiceAsync(scope, "年代", "age_band", lists.AgeBands, cancellationToken),
            await SingleChoiceAsync(scope, "妊娠週数", "pregnancy_weeks", lists.PregnancyWeeks, cancellationToken),
            await LabelsAsync(scope, "相談内容", "topic", lists.Topics, cancellationToken),
            await LabelsAsync(scope, "対応", "action", lists.Actions, cancellationToken),
        };
        tables.AddRange(await ReferralsAsync(scope, lists, cancellationToken));
        tables.Add(await LeftMessagesAsync(scope, cancellationToken));
        tables.Add(await PoolAsync(scope, cancellationToken));
        tables.Add(await AnswersAsync(scope, cancellationToken));
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

    private static async Task<ReportTable> ChannelsAsync(Scope scope, CancellationToken cancellationToken)
    {
        var byChannel = await scope.RowsAsync(
            $"SELECT r.channel, COUNT(*), COUNT(DISTINCT r.consultee) FROM oc_case_record r WHERE {scope.Where} GROUP BY r.channel", cancellationToken);
        var total = (await scope.RowsAsync($"SELECT '', COUNT(*), COUNT(DISTINCT r.consultee) FROM oc_case_record r WHERE {scope.Where}", cancellationToken))[0];
        var rows = Ordered(CaseChannels.All, byChannel.Select(r => r.Key))
            .Select(c => Row(c, Find(byChannel, c, 1), Find(byChannel, c, 2)))
            .Append(Row(Total, total.Numbers[0], total.Numbers[1]))
            .ToList();
        return new ReportTable("件数", ["経路", "延べ件数", "実人数"], rows);
    }

    private static async Task<ReportTable> TimeBandsAsync(Scope scope, CancellationToken cancellationToken)
    {
        var byBand = await scope.RowsAsync(
            $"SELECT r.time_band, COUNT(*), COUNT(DISTINCT r.consultee) FROM oc_case_record r WHERE {scope.Where} GROUP BY r.time_band", cancellationToken);
        var rows = Ordered(TimeBands.All, byBand.Select(r => r.Key))
            .Select(b => Row(b, Find(byBand, b, 1), Find(byBand, b, 2)))
            .Append(Row(Total, byBand.Sum(r => r.Numbers[0]), null))
            .ToList();
        return new ReportTable("時間帯", ["時間帯", "延べ件数", "実人数"], rows);
    }

    private static async Task<ReportTable> SingleChoiceAsync(Scope scope, string title, string column, IReadOnlyList<string> list, CancellationToken cancellationToken)
    {
        var counts = await scope.RowsAsync(
            $"SELECT COALESCE(r.{column}, '{Unclassified}'), COUNT(*) FROM oc_case_record r WHERE {scope.Where} GROUP BY COALESCE(r.{column}, '{Unclassified}')",
            cancellationToken);
        var rows = Ordered([.. list, Unclassified], counts.Select(r => r.Key)).Select(v => Row(v, Find(counts, v, 1))).ToList();
        return new ReportTable(title, [title, "件数"], rows);
    }

    private static async Task<ReportTable> LabelsAsync(Scope scope, string title, string kind, IReadOnlyList<string> list, CancellationToken cancellationToken)
    {
        var counts = await scope.RowsAsync(
            $"SELECT l.value, COUNT(*) FROM oc_case_label l JOIN oc_case_record r ON r.case_id = l.case_id WHERE l.kind = '{kind}' AND {scope.Where} GROUP BY l.value",
            cancellationToken);
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

    private static async Task<ReportTable> LeftMessagesAsync(Scope scope, CancellationToken cancellationToken)
    {
        var pairs = await scope.TimesAsync(
            $"SELECT r.opened_at, r.left_message_answered_at FROM oc_case_record r WHERE r.left_message = 1 AND {scope.Where}", cancellationToken);
        var waits = pairs.Where(p => p.Second is not null).Select(p => p.Second!.Value - p.First).ToList();
        return new ReportTable("伝言", ["項目", "値"],
        [
            Row("伝言（件）", pairs.Count),
            Row("回答済み（件）", waits.Count),
            ["回答まで 中央値（分）", Minutes(Percentile(waits, 0.5))],
            ["回答まで 90%（分）", Minutes(Percentile(waits, 0.9))],
        ]);
    }

    private static async Task<ReportTable> PoolAsync(Scope scope, CancellationToken cancellationToken)
    {
        var counts = await scope.RowsAsync(
            $"SELECT COALESCE(r.answered_by, ''), COUNT(*) FROM oc_case_record r WHERE r.answered_by_pool = 1 AND {scope.Where} GROUP BY r.answered_by",
            cancellationToken);
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => Row(c.Key, c.Numbers[0])).ToList();
        rows.Add(Row(Total, counts.Sum(c => c.Numbers[0])));
        return new ReportTable("全国プール対応", ["プール", "件数"], rows);
    }

    private static async Task<ReportTable> AnswersAsync(Scope scope, CancellationToken cancellationToken)
    {
        var pairs = await scope.TimesAsync(
            $"SELECT r.opened_at, r.first_answered_at FROM oc_case_record r WHERE r.first_answered_at IS NOT NULL AND r.channel = '{CaseChannels.Line}' AND {scope.Where}",
            cancellationToken);
        var waits = pairs.Select(p => p.Second!.Value - p.First).ToList();
        var survey = (await scope.RowsAsync(
            $"SELECT '', COUNT(r.survey_score), COALESCE(SUM(r.survey_score), 0), SUM(CASE WHEN r.classified = 0 THEN 1 ELSE 0 END) FROM oc_case_record r WHERE {scope.Where}",
            cancellationToken))[0];
        var average = survey.Numbers[0] == 0 ? "-" : ((decimal)survey.Numbers[1] / survey.Numbers[0]).ToString("0.00", CultureInfo.InvariantCulture);
        return new ReportTable("応答・満足度", ["項目", "値"],
        [
            ["初回応答まで 中央値（分）", Minutes(Percentile(waits, 0.5))],
            ["初回応答まで 90%（分）", Minutes(Percentile(waits, 0.9))],
            Row("アンケート回答（件）", survey.Numbers[0]),
            ["アンケート平均", average],
            Row("未分類（件）", survey.Numbers[2]),
        ]);
    }

    /// <summary>Nearest-rank percentile (the smallest wait that at least p of the waits do not exceed).</summary>
    public static TimeSpan? Percentile(IReadOnlyCollection<TimeSpan> values, double p)
    {
        if (values.Count == 0) return null;
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
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

    private sealed record Counted(string Key, long[] Numbers);

    /// <summary>The tenant (or nation) and period every query of one report is limited to.</summary>
    private sealed class Scope(Database database, DbConnection connection, string? tenantId, DateTimeOffset from, DateTimeOffset to)
    {
        public string Where { get; } = tenantId is null
            ? "r.opened_at >= @from AND r.opened_at < @to"
            : "r.tenant_id = @tenant AND r.opened_at >= @from AND r.opened_at < @to";

        public async Task<IReadOnlyList<Counted>> RowsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] more)
        {
            await using var command = Command(sql);
            foreach (var (name, value) in more) command.Add(name, value);
            var rows = new List<Counted>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var numbers = new long[reader.FieldCount - 1];
                for (var i = 1; i < reader.FieldCount; i++)
                {
                    numbers[i - 1] = reader.IsDBNull(i) ? 0 : Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
                }
                rows.Add(new Counted(reader.GetString(0), numbers));
            }
            return rows;
        }

        public async Task<IReadOnlyList<(DateTimeOffset First, DateTimeOffset? Second)>> TimesAsync(string sql, CancellationToken cancellationToken)
        {
            await using var command = Command(sql);
            var rows = new List<(DateTimeOffset, DateTimeOffset?)>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                rows.Add((database.ReadTime(reader, 0), reader.IsDBNull(1) ? null : database.ReadTime(reader, 1)));
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
