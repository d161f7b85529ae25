namespace OrleansConsult.Load;

/// <summary>The acks of one 5 s window of a run, ending <see cref="AtSeconds"/> after the start, in <see cref="Phase"/>.</summary>
public sealed record AckWindow(double AtSeconds, string Phase, LatencySummary Acks);
