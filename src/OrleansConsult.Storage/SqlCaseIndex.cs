using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>The case index (oc_case_index): ids, tenant, the consultee's grain key (channel and keyed pseudonym) and times; no personal data.</summary>
public sealed class SqlCaseIndex(Database database) : ICaseIndex
{
    public async Task OpenedAsync(string caseId, string tenantId, string consulteeKey, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_case_index (case_id, tenant_id, consultee, opened_at)
            VALUES (@case, @tenant, @consultee, @at)
            ON CONFLICT (case_id) DO NOTHING
            """;
        command.Add("case", caseId);
        command.Add("tenant", tenantId);
        command.Add("consultee", consulteeKey);
        command.Add("at", database.Time(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task ClosedAsync(string caseId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE oc_case_index SET closed_at = @at WHERE case_id = @case";
        command.Add("case", caseId);
        command.Add("at", database.Time(at));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<string>> CasesOfAsync(string consulteeKey, CancellationToken cancellationToken = default) =>
        CaseIdsAsync("SELECT case_id FROM oc_case_index WHERE consultee = @consultee ORDER BY opened_at", cancellationToken, ("consultee", consulteeKey));

    public async Task ForgetAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        // The case record, its labels and referrals go with it: erasure and retention both end here.
        command.CommandText = """
            DELETE FROM oc_case_referral WHERE case_id = @case;
            DELETE FROM oc_case_label WHERE case_id = @case;
            DELETE FROM oc_case_record WHERE case_id = @case;
            DELETE FROM oc_case_index WHERE case_id = @case
            """;
        command.Add("case", caseId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Up to <paramref name="max"/> cases of the tenant after <paramref name="afterCaseId"/> (in id order) that may have
    /// outlived its retention: closed before <paramref name="cutoff"/>, or never recorded as closed yet opened before
    /// it (the case grain decides).
    /// </summary>
    public Task<IReadOnlyList<string>> ExpiredCandidatesAsync(
        string tenantId, DateTimeOffset cutoff, string afterCaseId, int max, CancellationToken cancellationToken = default) =>
        CaseIdsAsync("""
            SELECT case_id FROM oc_case_index
            WHERE tenant_id = @tenant AND case_id > @after AND (closed_at < @cutoff OR (closed_at IS NULL AND opened_at < @cutoff))
            ORDER BY case_id LIMIT @max
            """, cancellationToken, ("tenant", tenantId), ("after", afterCaseId), ("cutoff", database.Time(cutoff)), ("max", max));

    /// <summary>Tenants with cases opened before <paramref name="before"/> (also tenants no longer in the program).</summary>
    public Task<IReadOnlyList<string>> TenantsWithCasesBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default) =>
        database.ReadStringsAsync("SELECT DISTINCT tenant_id FROM oc_case_index WHERE opened_at < @before", cancellationToken, ("before", database.Time(before)));

    private Task<IReadOnlyList<string>> CaseIdsAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] values) =>
        database.ReadStringsAsync(sql, cancellationToken, values);
}
