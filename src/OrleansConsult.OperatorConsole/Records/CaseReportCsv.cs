using CsvHelper;
using OrleansConsult.Abstractions.Records;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>The report as one CSV for Excel in Japan (UTF-8 with BOM): the heading, then each table under its title.</summary>
public static class CaseReportCsv
{
    public static byte[] Write(CaseReport report)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, AuditCsv.Utf8WithBom, leaveOpen: true))
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { ValidateFieldCount = false }, leaveOpen: true)) // tables differ in width
        {
            foreach (var (label, value) in CaseReportHeading.Of(report))
            {
                csv.WriteRecord([label, value]);
            }
            foreach (var table in report.Tables)
            {
                csv.WriteRecord([""]);
                csv.WriteRecord([$"【{table.Title}】"]);
                csv.WriteRecord([.. table.Header]);
                foreach (var row in table.Rows)
                {
                    csv.WriteRecord([.. row]);
                }
            }
            csv.Flush();
        }
        return buffer.ToArray();
    }
}
