namespace OrleansConsult.OperatorConsole.Records;

/// <summary>One series of a <see cref="ReportChart"/>: its legend label and one count per category.</summary>
public sealed record ReportChartSeries(string Label, IReadOnlyList<long> Values);
