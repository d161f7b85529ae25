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

    /// <summary>The tenant's name in the program in use (富山県), given by the caller; the id alone when it has none.</summary>
    public string? TenantName { get; init; }

    /// <summary>How the report names whom it is about: 富山県（toyama）, or 全国.</summary>
    public string TenantLabel => TenantId is null ? National : TenantName is { } name ? $"{name}（{TenantId}）" : TenantId;

    public ReportTable Table(string title) => Tables.Single(t => t.Title == title);
}
