namespace OrleansConsult.Abstractions.Records;

/// <summary>
/// What the console's case list narrows by; a null tenant list means every tenant (national). <see cref="Topic"/> is one
/// 相談内容 the case carries; <see cref="ReferralStatus"/> a status one of its referrals has, or <see cref="NoReferral"/>
/// for cases without any. <see cref="Offset"/> and <see cref="Max"/> page the list (newest first).
/// </summary>
public sealed record CaseRecordFilter(
    IReadOnlyCollection<string>? Tenants,
    DateTimeOffset From,
    DateTimeOffset To,
    string? Channel = null,
    bool? Closed = null,
    bool? Urgent = null,
    bool UnclassifiedOnly = false,
    int Max = 500,
    string? Topic = null,
    string? ReferralStatus = null,
    int Offset = 0)
{
    /// <summary>The referral-status filter value for cases with no referral at all.</summary>
    public const string NoReferral = "（つなぎなし）";
}
