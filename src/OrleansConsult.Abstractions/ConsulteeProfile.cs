namespace OrleansConsult.Abstractions;

[GenerateSerializer, Immutable, Alias("oc.ConsulteeProfile")]
public sealed record ConsulteeProfile(
    [property: Id(0)] bool? Consent,
    [property: Id(1)] string? TenantId,
    [property: Id(2)] string? OpenCaseId,
    [property: Id(3)] string? LastCounselorId);
