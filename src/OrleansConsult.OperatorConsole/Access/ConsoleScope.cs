namespace OrleansConsult.OperatorConsole.Access;

/// <summary>
/// One account's role and scope, and the pure rules of what it may see. The only place that
/// decides tenant visibility: pages, APIs and exports ask <see cref="IConsoleAccess"/>, which asks this.
/// </summary>
public sealed record ConsoleScope(ConsoleRole Role, IReadOnlyList<ScopeKey> Keys)
{
    /// <summary>Parses the stored scope text: keys separated by commas ("toyama,takaoka", "pool:hokuriku").</summary>
    public static ConsoleScope Of(ConsoleRole role, string? scope) =>
        new(role, (scope ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(ScopeKey.Parse).ToList());

    /// <summary>The stored form of <see cref="Keys"/>.</summary>
    public string Text => string.Join(",", Keys);

    /// <summary>May this account see the tenant's or pool's data (program, staff, board)?</summary>
    public bool Allows(ScopeKey key) => Role switch
    {
        ConsoleRole.National => true,
        ConsoleRole.TenantAdmin => key.Kind == ScopeKind.Tenant && Keys.Any(k => k.Matches(key)),
        ConsoleRole.Supervisor => Keys.Count == 1 && Keys[0].Matches(key),
        _ => false,
    };

    /// <summary>May this account change the tenant's or pool's program, staff and invitations (not only watch it)?</summary>
    public bool Administers(ScopeKey key) => Role is ConsoleRole.National or ConsoleRole.TenantAdmin && Allows(key);

    /// <summary>May this account invite or deactivate an account with this role and scope? Only inside its own scope.</summary>
    public bool ManagesAccount(ConsoleScope other) => Role switch
    {
        ConsoleRole.National => true,
        ConsoleRole.TenantAdmin => other.Role is ConsoleRole.TenantAdmin or ConsoleRole.Supervisor
            && other.Keys.Count > 0 && other.Keys.All(Administers),
        _ => false,
    };

    /// <summary>May this account read (and export) the audit log?</summary>
    public bool ReadsAudit => Role is ConsoleRole.Auditor or ConsoleRole.National;

    /// <summary>A scope that fits the role: none for national and auditor, tenants for a tenant admin, exactly one key for a supervisor.</summary>
    public string? Problem() => Role switch
    {
        ConsoleRole.National or ConsoleRole.Auditor when Keys.Count > 0 => "全国管理者と監査担当には範囲を指定しません。",
        ConsoleRole.TenantAdmin when Keys.Count == 0 || Keys.Any(k => k.Kind != ScopeKind.Tenant) => "自治体管理者には一つ以上の自治体を指定してください。",
        ConsoleRole.Supervisor when Keys.Count != 1 => "スーパーバイザーには自治体またはプールを一つだけ指定してください。",
        _ => null,
    };
}
