using System.Globalization;
using System.Text.Json;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// The data of the report page's three charts (by month, by time band, by 相談内容), taken from the tables the page
/// shows, so a chart never counts anything the tables do not. Serialized for wwwroot/js/report-charts.js.
/// </summary>
public static class ReportCharts
{
    public static IReadOnlyList<ReportChart> Of(CaseReport report, ReportTable monthly) =>
    [
        new("chart-months", "月別の延べ件数", monthly.Rows.Select(r => r[0]).ToList(),
            monthly.Header.Skip(1).SkipLast(1).Select((channel, i) => new ReportChartSeries(channel, monthly.Rows.Select(r => Number(r[i + 1])).ToList())).ToList(),
            Stacked: true),
        FirstColumn("chart-bands", "時間帯別の延べ件数", report.Table("時間帯"), exceptTotal: true),
        FirstColumn("chart-topics", "相談内容別の件数", report.Table("相談内容"), exceptTotal: false),
    ];

    public static string Json(IReadOnlyList<ReportChart> charts) =>
        JsonSerializer.Serialize(charts, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    private static ReportChart FirstColumn(string id, string title, ReportTable table, bool exceptTotal)
    {
        var rows = table.Rows.Where(r => !exceptTotal || r[0] != OrleansConsult.Storage.SqlCaseReport.Total).ToList();
        return new ReportChart(id, title, rows.Select(r => r[0]).ToList(), [new ReportChartSeries(table.Header[1], rows.Select(r => Number(r[1])).ToList())], Stacked: false);
    }

    private static long Number(string cell) => long.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
