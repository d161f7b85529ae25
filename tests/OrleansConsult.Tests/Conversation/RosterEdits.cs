using OrleansConsult.Tenancy;

namespace OrleansConsult.Tests.Conversation;

/// <summary>Roster changes as an operator makes them: a new program version with one staff member removed, inactive or moved.</summary>
public static class RosterEdits
{
    public static ProgramConfiguration Remove(ProgramConfiguration program, string staffId) =>
        EditTenants(program, t => t with { Counselors = t.Counselors.Where(c => c.Id != staffId).ToList() });

    public static ProgramConfiguration Deactivate(ProgramConfiguration program, string staffId) =>
        EditTenants(program, t => t with { Counselors = t.Counselors.Select(c => c.Id == staffId ? c with { Active = false } : c).ToList() });

    /// <summary>Moves a counselor to another tenant's roster (same id, so her LINE binding stays).</summary>
    public static ProgramConfiguration Move(ProgramConfiguration program, string staffId, string toTenantId)
    {
        var member = program.AllStaff.Single(s => s.Id == staffId);
        var removed = Remove(program, staffId);
        return EditTenants(removed, t => t.Id == toTenantId
            ? t with { Counselors = [.. t.Counselors, member with { DispatcherKey = t.DispatcherKey }] }
            : t);
    }

    private static ProgramConfiguration EditTenants(ProgramConfiguration program, Func<TenantSettings, TenantSettings> edit) =>
        program with { Tenants = program.Tenants.Select(edit).ToList() };
}
