using System.Security.Claims;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary>The claims a console sign-in carries, and reading them back into a <see cref="ConsoleScope"/>.</summary>
public static class ConsoleClaims
{
    public const string Scope = "oc:scope";
    public const string DisplayName = "oc:name";

    public static ConsoleScope? ScopeOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || ConsoleRoles.Parse(user.FindFirstValue(ClaimTypes.Role)) is not { } role)
        {
            return null;
        }
        return ConsoleScope.Of(role, user.FindFirstValue(Scope));
    }

    /// <summary>Who did it, for the audit log: the account's user name (its e-mail address), never anything else.</summary>
    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";
}
