namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.ConsulteeState")]
public sealed class ConsulteeState : LineUserState
{
    /// <summary>null until she answers the privacy notice.</summary>
    [Id(0)] public bool? Consent { get; set; }
    [Id(1)] public string? TenantId { get; set; }
    [Id(2)] public string? AreaName { get; set; }
    [Id(3)] public string? OpenCaseId { get; set; }
    [Id(4)] public string? LastCounselorId { get; set; }
    [Id(5)] public DateTimeOffset? LastCaseClosedAt { get; set; }
    [Id(6)] public bool Blocked { get; set; }
}
