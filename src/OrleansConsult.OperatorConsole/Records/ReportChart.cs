namespace OrleansConsult.OperatorConsole.Records;

/// <summary>One chart of the report page: its canvas id, title, category labels and series (stacked bars or plain).</summary>
public sealed record ReportChart(string Id, string Title, IReadOnlyList<string> Labels, IReadOnlyList<ReportChartSeries> Series, bool Stacked);
