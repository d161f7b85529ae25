namespace OrleansConsult.LineSimulator;

public sealed record OutageRequest(double Seconds);
