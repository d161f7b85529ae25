namespace OrleansConsult.Abstractions.Records;

/// <summary>
/// A monthly (or any period's) report of one tenant, or national when <see cref="TenantId"/> is null. Everything
/// in it is computed from the case records, so the same period gives the same report; the produced-at and
/// produced-by are given by the caller.
/// </summary>
public sealed record CaseReport(
    string? TenantId,
    string Period,
    DateTimeOffset ProducedAt,
    string ProducedBy,
    IReadOnlyList<ReportTable> Tables)
{
    public const string National = "全国";

    public string TenantLabel => TenantId ?? National;

    public ReportTable Table(string title) => Tables.Single(t => t.Title == title);
}
