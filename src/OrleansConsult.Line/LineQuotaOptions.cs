namespace OrleansConsult.Line;

/// <summary>"Line:Quota": how often the month's message usage is read from LINE, and when to warn.</summary>
public sealed class LineQuotaOptions
{
    /// <summary>Zero turns the reading off.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Share of the quota used at which a warning is logged (once per channel and month).</summary>
    public double WarnAt { get; set; } = 0.80;

    /// <summary>Share at which an error is logged: the month's pushes will soon be refused.</summary>
    public double AlarmAt { get; set; } = 0.95;
}
