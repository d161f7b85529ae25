using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>A case in a dispatcher's queue: waiting, offered to one counselor, or waiting out a pause.</summary>
[GenerateSerializer, Alias("oc.QueuedCase")]
public sealed class QueuedCase
{
    [Id(0)] public CaseTicket Ticket { get; set; } = null!;
    [Id(1)] public long Seq { get; set; }
    [Id(2)] public DateTimeOffset EnqueuedAt { get; set; }
    /// <summary>Counselors who said no (見送る) to this case: not asked again while it waits here.</summary>
    [Id(3)] public List<string> Declined { get; set; } = [];
    [Id(4)] public string? OfferedTo { get; set; }
    [Id(5)] public DateTimeOffset? OfferDeadline { get; set; }
    [Id(6)] public int LastPosition { get; set; }
    [Id(7)] public DateTimeOffset LastPositionAt { get; set; }
    /// <summary>Counselors who let its offer lapse, and when it may be offered to each of them again.</summary>
    [Id(8)] public Dictionary<string, DateTimeOffset> PausedUntil { get; set; } = [];
    /// <summary>The number of the outstanding offer (the dispatcher's sequence), to match her reports against.</summary>
    [Id(9)] public long OfferNumber { get; set; }
    /// <summary>After the pool could not take it at the maximum wait: when to ask the pool again.</summary>
    [Id(10)] public DateTimeOffset? NextOverflowAttempt { get; set; }

    public string CaseId => Ticket.CaseId;

    public bool IsOffered => OfferedTo is not null;
}
