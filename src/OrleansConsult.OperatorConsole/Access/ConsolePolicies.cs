using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary>
/// Named policies by role. Every one needs a console sign-in that passed the second factor
/// ("amr" = "mfa"). Data of a tenant or pool is checked on top of these by <see cref="IConsoleAccess"/>
/// (the scope filters do it for every page and API with a {tenant}, {pool} or {owner} route value).
/// </summary>
public static class ConsolePolicies
{
    /// <summary>Any console account.</summary>
    public const string SignedIn = "console.signed-in";

    /// <summary>全国管理者.</summary>
    public const string National = "console.national";

    /// <summary>全国管理者 or 自治体管理者: program, staff, invitations, accounts.</summary>
    public const string Administer = "console.administer";

    /// <summary>全国管理者, 自治体管理者 or スーパーバイザー: the live board and staff presence.</summary>
    public const string LiveWork = "console.live-work";

    /// <summary>監査担当 or 全国管理者: the audit log.</summary>
    public const string Audit = "console.audit";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(SignedIn, p => Base(p));
        options.AddPolicy(National, p => Base(p).RequireRole(ConsoleRoles.National));
        options.AddPolicy(Administer, p => Base(p).RequireRole(ConsoleRoles.National, ConsoleRoles.TenantAdmin));
        options.AddPolicy(LiveWork, p => Base(p).RequireRole(ConsoleRoles.National, ConsoleRoles.TenantAdmin, ConsoleRoles.Supervisor));
        options.AddPolicy(Audit, p => Base(p).RequireRole(ConsoleRoles.National, ConsoleRoles.Auditor));
    }

    private static AuthorizationPolicyBuilder Base(AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
        .RequireAuthenticatedUser()
        .RequireClaim("amr", "mfa");
}
