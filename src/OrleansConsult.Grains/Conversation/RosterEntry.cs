using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>A counselor as her dispatcher last heard of her, with the offer it has out to her.</summary>
[GenerateSerializer, Alias("oc.RosterEntry")]
public sealed class RosterEntry
{
    [Id(0)] public CounselorStatus Status { get; set; } = null!;
    [Id(1)] public string? OfferCaseId { get; set; }
    /// <summary>When she was last told her shift is over (asked again a minute later if she stays on).</summary>
    [Id(2)] public DateTimeOffset? OffShiftNudgedAt { get; set; }
}
