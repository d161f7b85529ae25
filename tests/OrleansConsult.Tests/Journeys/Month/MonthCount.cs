using System.Globalization;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.Grains.Records;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// The month's report as the test expects it, counted from the script alone (never from the database): every table
/// with its header and rows, in the report's order (the default lists, then 未分類 / 合計).
/// </summary>
public static class MonthCount
{
    private const string Total = "合計", Unclassified = "未分類";

    /// <summary>The report names the pool as the program file names it (the sample's national pool), not by its id.</summary>
    private static readonly string PoolName =
        OrleansConsult.Tenancy.ProgramConfigurationLoader.FromFile(OrleansConsult.Tests.Infrastructure.HostRunner.SampleProgram).FindPool("national")!.Name;

    /// <summary>One counted case, LINE or phone, in the terms of the report.</summary>
    private sealed record Counted(string Person, string Channel, string Band, CaseClassification? Classification, IReadOnlyList<MonthReferral> Referrals);

    public static IReadOnlyList<ReportTable> Expected(MonthScript script)
    {
        var lists = RecordListsInUse.Default;
        var line = script.CountedLineCases;
        var all = line.Select(c => new Counted("line:" + c.Person, CaseChannels.Line, c.Band, c.Classification, c.Referrals.ToList()))
            .Concat(script.PhoneCalls.Select(p => new Counted("phone:" + p.Number, CaseChannels.Phone, p.Band, p.Classification,
                p.Referral is { } r ? [r] : [])))
            .ToList();
        var referrals = all.SelectMany(c => c.Referrals).ToList();

        static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
        static int People(IEnumerable<Counted> cases) => cases.Select(c => c.Person).Distinct().Count();
        IReadOnlyList<string> Row(params string[] cells) => cells;

        var tables = new List<ReportTable>
        {
            new("件数", ["経路", "延べ件数", "実人数"],
                [.. CaseChannels.All.Select(ch => Row(ch, N(all.Count(c => c.Channel == ch)), N(People(all.Where(c => c.Channel == ch))))),
                 Row(Total, N(all.Count), N(People(all)))]),
            new("時間帯", ["時間帯", "延べ件数", "実人数"],
                [.. TimeBands.All.Select(b => Row(b, N(all.Count(c => c.Band == b)), N(People(all.Where(c => c.Band == b))))),
                 Row(Total, N(all.Count), "")]),
            new("年代", ["年代", "件数"],
                [.. lists.AgeBands.Select(a => Row(a, N(all.Count(c => c.Classification?.AgeBand == a)))),
                 Row(Unclassified, N(all.Count(c => c.Classification?.AgeBand is null)))]),
            new("妊娠週数", ["妊娠週数", "件数"],
                [.. lists.PregnancyWeeks.Select(w => Row(w, N(all.Count(c => c.Classification?.PregnancyWeeks == w)))),
                 Row(Unclassified, N(all.Count(c => c.Classification?.PregnancyWeeks is null)))]),
            new("相談内容", ["相談内容", "件数"],
                [.. lists.Topics.Select(t => Row(t, N(all.Count(c => c.Classification?.Topics.Contains(t) == true))))]),
            new("対応", ["対応", "件数"],
                [.. lists.Actions.Select(a => Row(a, N(all.Count(c => c.Classification?.Actions.Contains(a) == true))))]),
            new("つなぎ先", ["つなぎ先", .. lists.ReferralStatuses, Total],
                [.. lists.Destinations.Select(d => Row([d, .. lists.ReferralStatuses.Select(s => N(referrals.Count(f => f.Destination == d && f.Status == s))),
                        N(referrals.Count(f => f.Destination == d))])),
                 Row([Total, .. lists.ReferralStatuses.Select(s => N(referrals.Count(f => f.Status == s))), N(referrals.Count)])]),
            new("同行・居場所", ["項目", "値"],
                [Row("産科受診同行（件）", N(referrals.Count(f => f.AccompaniedOn is not null))),
                 Row("居場所（泊）", N(referrals.Sum(f => f.ShelterNights ?? 0)))]),
        };

        var leftWaits = line.Where(c => c.LeftMessage).Select(c => c.Wait).Order().ToList();
        tables.Add(new("伝言", ["項目", "値"],
            [Row("伝言（件）", N(line.Count(c => c.LeftMessage))), Row("回答済み（件）", N(leftWaits.Count)),
             Row("回答まで 中央値（分）", NearestRank(leftWaits, 50)), Row("回答まで 90%（分）", NearestRank(leftWaits, 90))]));

        var pooled = line.Count(c => c.ByPool);
        tables.Add(new("全国プール対応", ["プール", "件数"], [Row(PoolName, N(pooled)), Row(Total, N(pooled))]));

        var waits = line.Select(c => c.Wait).Order().ToList();
        var scores = line.Where(c => c.Survey is not null).Select(c => c.Survey!.Value).ToList();
        tables.Add(new("応答・満足度", ["項目", "値"],
            [Row("初回応答まで 中央値（分）", NearestRank(waits, 50)), Row("初回応答まで 90%（分）", NearestRank(waits, 90)),
             Row("アンケート回答（件）", N(scores.Count)),
             Row("アンケート平均", Math.Round((decimal)scores.Sum() / scores.Count, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture)),
             Row("未分類（件）", N(all.Count(c => c.Classification is null)))]));
        return tables;
    }

    // The k-th smallest with k = ceil(n * percent / 100), in minutes with one decimal.
    private static string NearestRank(IReadOnlyList<TimeSpan> sorted, int percent) =>
        sorted.Count == 0 ? "-" : sorted[(sorted.Count * percent + 99) / 100 - 1].TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture);
}
