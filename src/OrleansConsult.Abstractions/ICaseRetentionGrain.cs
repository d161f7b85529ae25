namespace OrleansConsult.Abstractions;

/// <summary>
/// The end of a case record (implemented by the case grain, same key): deleted because its
/// consultee asked, or because it outlived its tenant's retention. Its state row, its transcript and
/// its index row go; an open case is closed first and its counselor told.
/// </summary>
[Alias("oc.ICaseRetentionGrain")]
public interface ICaseRetentionGrain : IGrainWithStringKey
{
    /// <summary>Her erasure: deletes the case when it is hers (<paramref name="consulteeKey"/>, her grain key).</summary>
    [Alias("EraseForConsultee")]
    Task<CaseErasure> EraseForConsulteeAsync(string consulteeKey);

    /// <summary>The daily purge: deletes the case when it closed before <paramref name="closedBefore"/> (or never opened).</summary>
    [Alias("Expire")]
    Task<CaseErasure> ExpireAsync(DateTimeOffset closedBefore);
}
