namespace OrleansConsult.OperatorConsole.Access;

/// <summary>Role names as stored, as claims and on the command line (--role national|tenant|supervisor|auditor), and their Japanese labels.</summary>
public static class ConsoleRoles
{
    public const string National = "national";
    public const string TenantAdmin = "tenant";
    public const string Supervisor = "supervisor";
    public const string Auditor = "auditor";

    public static string Name(ConsoleRole role) => role switch
    {
        ConsoleRole.National => National,
        ConsoleRole.TenantAdmin => TenantAdmin,
        ConsoleRole.Supervisor => Supervisor,
        _ => Auditor,
    };

    public static ConsoleRole? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        National => ConsoleRole.National,
        TenantAdmin => ConsoleRole.TenantAdmin,
        Supervisor => ConsoleRole.Supervisor,
        Auditor => ConsoleRole.Auditor,
        _ => null,
    };

    public static string Label(ConsoleRole role) => role switch
    {
        ConsoleRole.National => "全国管理者",
        ConsoleRole.TenantAdmin => "自治体管理者",
        ConsoleRole.Supervisor => "スーパーバイザー",
        _ => "監査担当",
    };

    public static string Label(string? name) => Parse(name) is { } role ? Label(role) : "不明";
}
