using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.ConsultationState")]
public sealed class ConsultationState
{
    [Id(0)] public bool Opened { get; set; }
    [Id(1)] public string TenantId { get; set; } = "";
    [Id(2)] public string AreaName { get; set; } = "";
    // Ids 3 and 4 held her channel and LINE user id; retired.
    /// <summary>Her ConsulteeGrain's key (a pseudonym): the only consultee this case answers to.</summary>
    [Id(28)] public string ConsulteeKey { get; set; } = "";
    [Id(5)] public CaseStatus Status { get; set; }
    [Id(6)] public bool Urgent { get; set; }
    /// <summary>The dispatcher that holds (or last held) the case.</summary>
    [Id(7)] public string DispatcherKey { get; set; } = "";
    [Id(8)] public string? CounselorId { get; set; }
    [Id(9)] public string? StaffLineKey { get; set; }
    [Id(10)] public DateTimeOffset CreatedAt { get; set; }
    [Id(11)] public DateTimeOffset? FirstOfferedAt { get; set; }
    [Id(12)] public DateTimeOffset? AcceptedAt { get; set; }
    [Id(13)] public DateTimeOffset? ClosedAt { get; set; }
    [Id(14)] public string? ClosedReason { get; set; }
    [Id(15)] public bool NightOrHoliday { get; set; }
    [Id(16)] public int? Satisfaction { get; set; }
    [Id(17)] public List<string> Notes { get; set; } = [];
    [Id(18)] public List<JournalEntry> Journal { get; set; } = [];
    [Id(19)] public DateTimeOffset LastConsulteeAt { get; set; }
    [Id(20)] public bool IdleWarned { get; set; }
    [Id(21)] public string? PreferredCounselorId { get; set; }
    [Id(22)] public string? Preview { get; set; }
    [Id(23)] public string? HandledBy { get; set; }
    [Id(24)] public bool LeftMessageConfirmed { get; set; }
    [Id(25)] public List<string> ExcludedCounselors { get; set; } = [];
    /// <summary>The routing state she was last told of (<see cref="ProgressPolicy.Key"/>), and when.</summary>
    [Id(26)] public string? Told { get; set; }
    [Id(27)] public DateTimeOffset? ToldAt { get; set; }
    // Supervision (ConsultationGrain.Supervision.cs); ids from 50 on, apart from the case's own.
    [Id(50)] public List<Supervision.CaseWatcher> Watchers { get; set; } = [];
    [Id(51)] public bool UrgentSupervisorCalled { get; set; }
    [Id(52)] public bool SupervisorsCalled { get; set; }
}
