namespace OrleansConsult.Tenancy;

public sealed record DateWindow(DateOnly Date, TimeSpan Start, TimeSpan End);
