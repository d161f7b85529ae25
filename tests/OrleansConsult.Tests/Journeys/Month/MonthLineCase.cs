using OrleansConsult.Abstractions.Records;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// One LINE case of the scripted month, as the test plays it and counts it: who asks when, who answers after how long,
/// the survey she gives, what the counselor records (null: she taps あとで and it stays unclassified, unless the
/// supervisor classifies it in the console), and its referrals. The time band is written down by hand, not computed.
/// </summary>
public sealed record MonthLineCase(
    int Number,
    DateTimeOffset OpenedAt,
    MonthRoute Route,
    string Person,
    string Band,
    TimeSpan Wait,
    bool Urgent = false,
    int? Survey = null,
    CaseClassification? Classification = null,
    bool ClassifiedInConsole = false,
    MonthReferral? LineReferral = null,
    MonthReferral? ConsoleReferral = null)
{
    public DateTimeOffset AnsweredAt => OpenedAt + Wait;

    public bool ByPool => Route is MonthRoute.Pool or MonthRoute.PoolWhileOpen;

    public bool LeftMessage => Route == MonthRoute.LeftMessage;

    public IEnumerable<MonthReferral> Referrals => new[] { LineReferral, ConsoleReferral }.OfType<MonthReferral>();
}
