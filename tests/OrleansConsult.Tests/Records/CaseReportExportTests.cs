using OrleansConsult.Grains.Records;
using System.Text;
using ClosedXML.Excel;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Records;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Records;

/// <summary>The scripted month's report as CSV (UTF-8 with BOM) and .xlsx (one sheet per table), reproducible byte for byte.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseReportExportTests(PostgresServer postgres) : IDisposable
{
    private static readonly DateTimeOffset ProducedAt = new(2026, 12, 1, 9, 30, 0, TimeSpan.FromHours(9));
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> Modes => ["sqlite", "postgres"];

    private async Task<Func<Task<CaseReport>>> ReportOfScriptedMonthAsync(string mode)
    {
        var database = await postgres.MigratedDatabaseAsync(mode, _data.Path);
        var store = new SqlCaseRecordStore(database);
        var month = new ScriptedMonth();
        foreach (var record in month.Records) await store.SaveAsync(record);
        foreach (var referral in month.Referrals) await store.SaveReferralAsync(referral);
        return () => new SqlCaseReport(database).ProduceAsync(
            ScriptedMonth.Tenant, ScriptedMonth.From, ScriptedMonth.To, "2026-11", RecordListsInUse.Default, ProducedAt, "officer@toyama");
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_csv_starts_with_a_bom_and_carries_the_heading_and_every_cell(string mode)
    {
        var produce = await ReportOfScriptedMonthAsync(mode);
        var report = await produce();
        var bytes = CaseReportCsv.Write(report);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        Assert.Equal(bytes, CaseReportCsv.Write(await produce())); // the same month twice: the same bytes

        // No cell of this report holds a comma, quote or line break, so splitting (and unquoting) reads it back exactly.
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.None).Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray()).ToList();
        Assert.Equal(["自治体", "toyama"], lines[0]);
        Assert.Equal(["期間", "2026-11"], lines[1]);
        Assert.Equal(["作成日時（日本時間）", "2026-12-01 09:30"], lines[2]);
        Assert.Equal(["作成者", "officer@toyama"], lines[3]);
        foreach (var table in report.Tables)
        {
            var at = lines.FindIndex(l => l[0] == $"【{table.Title}】");
            Assert.True(at > 0, table.Title);
            Assert.Equal(table.Header, lines[at + 1]);
            for (var r = 0; r < table.Rows.Count; r++) Assert.Equal(table.Rows[r], lines[at + 2 + r]);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task The_workbook_has_one_sheet_per_table_with_its_cells(string mode)
    {
        var produce = await ReportOfScriptedMonthAsync(mode);
        var report = await produce();
        var bytes = CaseReportWorkbook.Write(report);
        Assert.Equal(bytes, CaseReportWorkbook.Write(await produce()));

        using var workbook = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal(report.Tables.Select(t => t.Title), workbook.Worksheets.Select(s => s.Name));
        foreach (var table in report.Tables)
        {
            var sheet = workbook.Worksheet(table.Title);
            Assert.Equal("toyama", sheet.Cell(1, 2).GetString());
            Assert.Equal("2026-11", sheet.Cell(2, 2).GetString());
            Assert.Equal("officer@toyama", sheet.Cell(4, 2).GetString());
            for (var c = 0; c < table.Header.Count; c++) Assert.Equal(table.Header[c], sheet.Cell(6, c + 1).GetString());
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 0; c < table.Rows[r].Count; c++)
                {
                    Assert.Equal(table.Rows[r][c], sheet.Cell(7 + r, c + 1).GetFormattedString());
                }
            }
        }
        Assert.Equal(XLDataType.Number, workbook.Worksheet("件数").Cell(7, 2).DataType); // counts are numbers Excel can sum
    }
}
