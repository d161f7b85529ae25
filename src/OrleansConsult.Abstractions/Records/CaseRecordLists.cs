namespace OrleansConsult.Abstractions.Records;

/// <summary>
/// The classification and referral lists a tenant uses, as the records code reads them. The defaults live once, in the
/// program (<c>CaseRecordListSettings.Default</c>); <c>RecordListsInUse</c> maps them here.
/// </summary>
public sealed record CaseRecordLists(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> AgeBands,
    IReadOnlyList<string> PregnancyWeeks,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> ReferralStatuses);
