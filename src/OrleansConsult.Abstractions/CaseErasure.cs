namespace OrleansConsult.Abstractions;

/// <summary>
/// What ending one case record did: <see cref="Deleted"/> when its state existed and is gone, with its
/// transcript rows; <see cref="Kept"/> when the case refused (not hers, or not closed before the cutoff).
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.CaseErasure")]
public sealed record CaseErasure(
    [property: Id(0)] bool Deleted,
    [property: Id(1)] int TranscriptRows,
    [property: Id(2)] bool Kept = false)
{
    public static CaseErasure Refused { get; } = new(false, 0, Kept: true);
}
