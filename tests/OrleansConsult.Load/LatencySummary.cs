namespace OrleansConsult.Load;

public sealed record LatencySummary(int Count, double Min, double P50, double P95, double P99, double Max);
