using System.Security.Claims;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary><see cref="IConsoleAccess"/> over the program in use (tenants and pools as the engine sees them now).</summary>
public sealed class ConsoleAccess(ProgramDirectory directory) : IConsoleAccess
{
    public ConsoleScope? ScopeOf(ClaimsPrincipal user) => ConsoleClaims.ScopeOf(user);

    public bool Allows(ClaimsPrincipal user, ScopeKey key) => Exists(key) && ScopeOf(user)?.Allows(key) == true;

    public bool Administers(ClaimsPrincipal user, ScopeKey key) => Exists(key) && ScopeOf(user)?.Administers(key) == true;

    public ScopeKey? Resolve(string id)
    {
        var key = ScopeKey.Parse(id);
        if (Exists(key))
        {
            return key;
        }
        // A bare pool id (invitations are owned by "toyama" or by a pool's own id).
        var pool = ScopeKey.Pool(id);
        return key.Kind == ScopeKind.Tenant && Exists(pool) ? pool : null;
    }

    public IReadOnlyList<TenantSettings> VisibleTenants(ClaimsPrincipal user) =>
        ScopeOf(user) is { } scope ? directory.Program.Tenants.Where(t => scope.Allows(ScopeKey.Tenant(t.Id))).ToList() : [];

    public IReadOnlyList<NursePoolSettings> VisiblePools(ClaimsPrincipal user) =>
        ScopeOf(user) is { } scope ? directory.Program.NursePools.Where(p => scope.Allows(ScopeKey.Pool(p.Id))).ToList() : [];

    private bool Exists(ScopeKey key) => key.Kind == ScopeKind.Tenant
        ? directory.Program.FindTenant(key.Id) is not null
        : directory.Program.FindPool(key.Id) is not null;
}
