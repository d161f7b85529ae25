namespace OrleansConsult.Abstractions.Records;

/// <summary>One table of a report: a title (the sheet name in the workbook), its header row and its rows of cells.</summary>
public sealed record ReportTable(string Title, IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>The cell in the row whose first cell is <paramref name="rowLabel"/>, under <paramref name="column"/>.</summary>
    public string Cell(string rowLabel, string column) =>
        Rows.Single(r => r[0] == rowLabel)[Header.ToList().IndexOf(column)];
}
