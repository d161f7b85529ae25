namespace OrleansConsult.Tenancy;

/// <summary>
/// Checks that span several settings: references resolve and codes that must identify one
/// thing do. Single-value format problems are caught while reading.
/// </summary>
internal static class ProgramConfigurationValidator
{
    public static void Validate(ProgramConfiguration program, string root, List<string> errors)
    {
        string TenantPath(TenantSettings t) => $"{root}:Tenants:{t.Id}";
        string PoolPath(NursePoolSettings p) => $"{root}:NursePools:{p.Id}";

        // Tenant and pool ids share the dispatcher key space only by prefix, but one name
        // for two things confuses operators and reports.
        foreach (var pool in program.NursePools.Where(p => program.FindTenant(p.Id) is not null))
            errors.Add($"{PoolPath(pool)} id '{pool.Id}' is also a tenant id");

        foreach (var tenant in program.Tenants)
        {
            if (tenant.OverflowTo is not { } target) continue;
            var pool = program.FindPool(target);
            if (pool is null)
                errors.Add($"{TenantPath(tenant)}:OverflowTo names nurse pool '{target}', which is not configured (known: {Known(program.NursePools.Select(p => p.Id))})");
            else if (!pool.Covers(tenant.Id))
                errors.Add($"{TenantPath(tenant)}:OverflowTo names nurse pool '{target}', which does not cover this tenant");
        }

        foreach (var pool in program.NursePools)
            for (var i = 0; i < pool.TenantIds.Count; i++)
                if (program.FindTenant(pool.TenantIds[i]) is null)
                    errors.Add($"{PoolPath(pool)}:Tenants:{i} names tenant '{pool.TenantIds[i]}', which is not configured");

        var staff = program.Tenants.SelectMany(t => t.Counselors.Select(c => (Path: $"{TenantPath(t)}:Counselors:{c.Id}", Member: c)))
            .Concat(program.NursePools.SelectMany(p => p.Nurses.Select(n => (Path: $"{PoolPath(p)}:Nurses:{n.Id}", Member: n))))
            .ToList();
        ReportDuplicates(errors, staff.Select(s => (s.Path, s.Path, s.Member.Id)), "staff id");
        ReportDuplicates(errors, staff.Select(s => ($"{s.Path}:EnrollmentCode", s.Path, s.Member.EnrollmentCode ?? "")), "enrollment code");
        ReportDuplicates(errors, program.Tenants.Select(t => ($"{TenantPath(t)}:EntryCode", t.Id, t.EntryCode)), "entry code");

        // An area name typed by a consultee must lead to one tenant (repeats inside one tenant are harmless).
        var names = program.Tenants.SelectMany(t => t.Areas.SelectMany((a, i) =>
            a.Aliases.Prepend(a.Name).Select(n => ($"{TenantPath(t)}:Areas:{i}", t.Id, TextFolding.Fold(n)))));
        ReportDuplicates(errors, names, "area name or alias");
    }

    /// <summary>Reports a value seen again under a different owner (a tenant, or one staff member).</summary>
    private static void ReportDuplicates(
        List<string> errors, IEnumerable<(string Path, string Owner, string Value)> items, string what)
    {
        var seen = new Dictionary<string, (string Path, string Owner)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, owner, value) in items)
        {
            if (string.IsNullOrEmpty(value)) continue; // already reported as required
            if (!seen.TryGetValue(value, out var first)) seen[value] = (path, owner);
            else if (first.Owner != owner) errors.Add($"{path} repeats the {what} '{value}' already used at {first.Path}");
        }
    }

    private static string Known(IEnumerable<string> ids) => ids.Any() ? string.Join(", ", ids) : "none";
}
