namespace OrleansConsult.Tenancy;

public sealed record DailyWindow(DayOfWeek Day, TimeSpan Start, TimeSpan End);
