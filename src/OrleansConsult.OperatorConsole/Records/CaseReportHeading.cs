using System.Globalization;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>The lines every form of a report starts with: tenant, period, when it was produced and by whom.</summary>
public static class CaseReportHeading
{
    public static IReadOnlyList<(string Label, string Value)> Of(CaseReport report) =>
    [
        ("自治体", report.TenantLabel),
        ("期間", report.Period),
        ("作成日時（日本時間）", OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(report.ProducedAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
        ("作成者", report.ProducedBy),
    ];
}
