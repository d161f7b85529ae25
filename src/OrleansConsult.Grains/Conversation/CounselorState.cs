using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.CounselorState")]
public sealed partial class CounselorState
{
    /// <summary>The staff-channel LINE user bound by the one-time code ("{channel}:{userId}").</summary>
    [Id(0)] public string? StaffLineKey { get; set; }
    [Id(1)] public Presence Presence { get; set; }
    [Id(2)] public List<ActiveCase> Active { get; set; } = [];
    /// <summary>Where her plain text goes.</summary>
    [Id(3)] public string? CurrentCaseId { get; set; }
    [Id(4)] public List<Offer> Offers { get; set; } = [];
    [Id(5)] public DateTimeOffset IdleSince { get; set; }
    /// <summary>When her shift ends by itself (her area's closing), while she is on shift.</summary>
    [Id(6)] public DateTimeOffset? OffShiftAt { get; set; }
    /// <summary>The number of the last offer that reached her, and from which dispatcher.</summary>
    [Id(7)] public long LastOfferNumber { get; set; }
    [Id(8)] public string? LastOfferFrom { get; set; }
    // A supervisor's (CounselorGrain.Supervisor.cs); ids from 50 on, apart from the counselor's own.
    /// <summary>The cases she watches, and the one /ささやき and /退出 are for.</summary>
    [Id(50)] public List<string> Watching { get; set; } = [];
    [Id(51)] public string? SupervisingCaseId { get; set; }
}
