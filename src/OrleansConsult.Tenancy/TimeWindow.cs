namespace OrleansConsult.Tenancy;

public sealed record TimeWindow(TimeSpan Start, TimeSpan End);
