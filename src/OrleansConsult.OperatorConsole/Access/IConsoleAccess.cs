using System.Security.Claims;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary>
/// The console's one authorization question for data: may this signed-in person see (or administer)
/// this tenant or pool? Out of scope is answered as "not found" by the callers (404), so a
/// tenant-scoped account cannot even learn that another tenant exists.
/// </summary>
public interface IConsoleAccess
{
    ConsoleScope? ScopeOf(ClaimsPrincipal user);

    bool Allows(ClaimsPrincipal user, ScopeKey key);

    bool Administers(ClaimsPrincipal user, ScopeKey key);

    /// <summary>The scope key of a tenant or pool id of the current program, or null when there is no such tenant or pool.</summary>
    ScopeKey? Resolve(string id);

    IReadOnlyList<TenantSettings> VisibleTenants(ClaimsPrincipal user);

    IReadOnlyList<NursePoolSettings> VisiblePools(ClaimsPrincipal user);
}
