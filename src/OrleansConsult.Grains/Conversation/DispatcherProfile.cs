using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>What a dispatcher needs to know about the tenant or pool it serves.</summary>
public sealed record DispatcherProfile(
    string Key,
    string Name,
    bool IsPool,
    ConsultationSchedule Schedule,
    TimeSpan OfferTimeout,
    TimeSpan? MaxWaitBeforeOverflow,
    string? OverflowTo,
    IReadOnlyList<PhoneNumber> Phones)
{
    /// <summary>How long a counselor who let an offer lapse waits before it is offered to her again.</summary>
    public TimeSpan OfferRetryPause { get; init; } = ConsultationTimeouts.Default.OfferRetryPause;
}
