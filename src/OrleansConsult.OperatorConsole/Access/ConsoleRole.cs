namespace OrleansConsult.OperatorConsole.Access;

/// <summary>The four console roles. Each account has exactly one, with its scope (<see cref="ConsoleScope"/>).</summary>
public enum ConsoleRole
{
    /// <summary>全国管理者: every tenant, every pool.</summary>
    National,

    /// <summary>自治体管理者: the tenants in the scope.</summary>
    TenantAdmin,

    /// <summary>スーパーバイザー: one tenant's or one pool's live work.</summary>
    Supervisor,

    /// <summary>監査担当: the audit log, read-only.</summary>
    Auditor,
}
