using System.Text;
using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// Reads the console's report CSV back into its heading and tables (【title】, header, rows, a blank line between).
/// No cell of the report holds a comma, quote or line break, so splitting and unquoting reads it exactly.
/// </summary>
public sealed record ReportCsvTables(IReadOnlyList<(string Label, string Value)> Heading, IReadOnlyList<ReportTable> Tables)
{
    public ReportTable Table(string title) => Tables.Single(t => t.Title == title);

    public static ReportCsvTables Parse(byte[] bytes)
    {
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.None)
            .Select(l => l.Split(',').Select(c => c.Trim('"')).ToArray()).ToList();
        var heading = lines.TakeWhile(l => l[0] != "").Select(l => (l[0], l.Length > 1 ? l[1] : "")).ToList();
        var tables = new List<ReportTable>();
        for (var i = heading.Count; i < lines.Count; i++)
        {
            if (!lines[i][0].StartsWith('【')) continue;
            var title = lines[i][0].Trim('【', '】');
            var header = lines[i + 1];
            var rows = lines.Skip(i + 2).TakeWhile(l => l.Length > 1 || l[0] != "").Select(l => (IReadOnlyList<string>)l).ToList();
            tables.Add(new ReportTable(title, header, rows));
        }
        return new ReportCsvTables(heading, tables);
    }

    /// <summary>The tables as markdown, for the test's output (the month's report to quote).</summary>
    public string Markdown()
    {
        var text = new StringBuilder();
        foreach (var (label, value) in Heading) text.AppendLine($"- {label}: {value}");
        foreach (var table in Tables)
        {
            text.AppendLine().AppendLine($"**{table.Title}**").AppendLine();
            text.AppendLine("| " + string.Join(" | ", table.Header) + " |");
            text.AppendLine("|" + string.Concat(table.Header.Select(_ => "---|")));
            foreach (var row in table.Rows) text.AppendLine("| " + string.Join(" | ", row) + " |");
        }
        return text.ToString();
    }
}
