using System.Globalization;
using System.IO.Compression;
using ClosedXML.Excel;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// The report as an .xlsx workbook: one sheet per table, each headed by tenant, period, produced-at and by whom.
/// Counts are numbers so Excel can sum them; minutes and averages stay text as shown. The package's dates and zip entry times are set to the produced-at and its random relationship ids renamed,
/// so the same report gives the same bytes.
/// </summary>
public static partial class CaseReportWorkbook
{
    public static byte[] Write(CaseReport report)
    {
        using var workbook = new XLWorkbook();
        var produced = report.ProducedAt.UtcDateTime;
        workbook.Properties.Created = produced;
        workbook.Properties.Modified = produced;
        workbook.Properties.Author = report.ProducedBy;
        var heading = CaseReportHeading.Of(report);
        foreach (var table in report.Tables)
        {
            var sheet = workbook.Worksheets.Add(table.Title);
            var row = 1;
            foreach (var (label, value) in heading)
            {
                sheet.Cell(row, 1).Value = label;
                sheet.Cell(row, 2).SetValue(value);
                row++;
            }
            row++;
            for (var c = 0; c < table.Header.Count; c++)
            {
                sheet.Cell(row, c + 1).SetValue(table.Header[c]);
                sheet.Cell(row, c + 1).Style.Font.Bold = true;
            }
            foreach (var cells in table.Rows)
            {
                row++;
                for (var c = 0; c < cells.Count; c++)
                {
                    var cell = sheet.Cell(row, c + 1);
                    if (c > 0 && long.TryParse(cells[c], NumberStyles.None, CultureInfo.InvariantCulture, out var count)) cell.SetValue(count);
                    else cell.SetValue(cells[c]);
                }
            }
            sheet.Column(1).Width = 40;
        }
        using var saved = new MemoryStream();
        workbook.SaveAs(saved);
        return WithFixedEntryTimes(saved.ToArray(), report.ProducedAt);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bR[0-9a-f]{16}\b|\b[0-9a-f]{32}\b")]
    private static partial System.Text.RegularExpressions.Regex RandomIds();

    // Zip entries carry a last-write time (now, by default); rewrite them with the produced-at.
    private static byte[] WithFixedEntryTimes(byte[] package, DateTimeOffset at)
    {
        var local = new DateTimeOffset(at.UtcDateTime.Year, at.UtcDateTime.Month, at.UtcDateTime.Day, at.UtcDateTime.Hour, at.UtcDateTime.Minute, 0, TimeSpan.Zero);
        using var input = new ZipArchive(new MemoryStream(package), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        var ids = new Dictionary<string, string>(); // the SDK's random relationship ids and core-properties part name, renamed in order of appearance
        using (var copy = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                string Stable(string text) => RandomIds().Replace(text, m => ids.TryGetValue(m.Value, out var id) ? id : ids[m.Value] = "rIdOc" + (ids.Count + 1));
                var target = copy.CreateEntry(Stable(entry.FullName), CompressionLevel.Optimal);
                target.LastWriteTime = local;
                using var from = new StreamReader(entry.Open());
                using var to = new StreamWriter(target.Open(), new System.Text.UTF8Encoding(false));
                to.Write(Stable(from.ReadToEnd()));
            }
        }
        return output.ToArray();
    }
}
