namespace OrleansConsult.Tenancy;

public sealed record ConsultationTimeouts(
    TimeSpan MaxWaitBeforeOverflow,
    TimeSpan OfferTimeout,
    TimeSpan IdleWarnAfter,
    TimeSpan IdleCloseAfter,
    TimeSpan ReturningConsulteeWindow)
{
    public static ConsultationTimeouts Default { get; } = new(
        TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(60),
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(60), TimeSpan.FromDays(30));

    /// <summary>How long a counselor who let an offer lapse waits before the same case is offered to her again.</summary>
    public TimeSpan OfferRetryPause { get; init; } = TimeSpan.FromSeconds(60);
}
