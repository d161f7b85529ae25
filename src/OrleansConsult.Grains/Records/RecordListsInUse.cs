using OrleansConsult.Abstractions.Records;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Records;

/// <summary>
/// The case-record lists of the program in use, as the records code reads them: LINE's form and (later) the
/// console's forms and report ask here, so both show what the tenant's program says.
/// </summary>
public static class RecordListsInUse
{
    /// <summary>The program's default lists (where neither the program nor the tenant names its own).</summary>
    public static CaseRecordLists Default { get; } = From(CaseRecordListSettings.Default);

    public static CaseRecordLists From(CaseRecordListSettings lists) => new(
        lists.Topics, lists.AgeBands, lists.PregnancyWeeks, lists.Actions, lists.Destinations, lists.ReferralStatuses);

    /// <summary>The lists of <paramref name="tenantId"/>'s cases in <paramref name="program"/> (the national ones for an unknown tenant).</summary>
    public static CaseRecordLists For(ProgramConfiguration program, string? tenantId) =>
        From(program.RecordListsFor(tenantId is null ? null : program.FindTenant(tenantId)));
}
