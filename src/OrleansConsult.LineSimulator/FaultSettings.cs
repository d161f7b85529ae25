namespace OrleansConsult.LineSimulator;

/// <summary>Faults the API side injects; changed at run time by code or by PUT /_sim/faults.</summary>
public sealed record FaultSettings
{
    /// <summary>Share (0..1) of calls answered 500 without delivering.</summary>
    public double ServerErrorShare { get; init; }

    /// <summary>Share (0..1) of push/multicast calls that deliver and still answer 500: the case the retry key exists for.</summary>
    public double ServerErrorAfterDeliveryShare { get; init; }

    /// <summary>Share (0..1) of calls answered with a transient 429 "Too many requests".</summary>
    public double TooManyRequestsShare { get; init; }

    /// <summary>Push and multicast answer 429 "You have reached your monthly limit." (reply still works, it is free).</summary>
    public bool MonthlyLimit { get; init; }

    /// <summary>Push and multicast answer this 4xx (e.g. 400 for a message LINE calls invalid, 403 for a plan without push); reply still works.</summary>
    public int? RefusePushWith { get; init; }

    /// <summary>When set, the faults below latency apply only to calls on this channel (e.g. "staff").</summary>
    public string? OnlyChannel { get; init; }

    /// <summary>
    /// Replies are held this long (real time) before they are answered: a drill stops the caller meanwhile.
    /// Held before delivery unless <see cref="HoldRepliesAfterDelivery"/>; a caller that goes away during a
    /// hold before delivery gets nothing delivered, as when a connection dies before LINE read the request.
    /// </summary>
    public int HoldRepliesMilliseconds { get; init; }

    /// <summary>Hold a reply after it was delivered (LINE received it, the caller never hears so).</summary>
    public bool HoldRepliesAfterDelivery { get; init; }

    /// <summary>Added to every API call.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>Outage window on the simulator's clock: every API call answers 503 inside it.</summary>
    public DateTimeOffset? OutageFrom { get; init; }
    public DateTimeOffset? OutageUntil { get; init; }

    public bool InOutage(DateTimeOffset now) =>
        (OutageFrom is not null || OutageUntil is not null) && (OutageFrom is null || now >= OutageFrom) && (OutageUntil is null || now < OutageUntil);
}
