namespace OrleansConsult.Abstractions;

/// <summary>
/// A plain index of cases (no personal data): tenant, the consultee's grain key
/// (channel and keyed pseudonym), when each opened and closed. Grain state is sealed, so this is how
/// the daily purge finds cases past their retention and an erasure finds all of one consultee's cases.
/// The case grain stays the truth: the index only points at candidates.
/// </summary>
public interface ICaseIndex
{
    /// <summary>Records a new case; recording it again changes nothing.</summary>
    Task OpenedAsync(string caseId, string tenantId, string consulteeKey, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task ClosedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every case of this consultee, open or closed.</summary>
    Task<IReadOnlyList<string>> CasesOfAsync(string consulteeKey, CancellationToken cancellationToken = default);

    /// <summary>The case is gone (erased or expired): drop its row.</summary>
    Task ForgetAsync(string caseId, CancellationToken cancellationToken = default);
}
