using System.Security.Claims;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>
/// Which dispatchers' boards a signed-in person sees, as <see cref="IConsoleAccess"/> decides: every tenant and
/// pool for a national admin, her tenants for a tenant admin, her one tenant or pool for a supervisor.
/// Keys are spelt as the program spells them (grain keys are case-sensitive).
/// </summary>
public sealed class BoardScope(IConsoleAccess access, ProgramDirectory directory)
{
    /// <summary>Every board she may see: tenants first, then pools, in the program's order.</summary>
    public IReadOnlyList<string> DispatcherKeys(ClaimsPrincipal user) =>
        access.VisibleTenants(user).Select(t => t.DispatcherKey)
            .Concat(access.VisiblePools(user).Select(p => p.DispatcherKey))
            .ToList();

    /// <summary>The dispatcher of a tenant or pool id ("toyama", "pool:national") she may see, else null.</summary>
    public string? DispatcherKey(ClaimsPrincipal user, string owner)
    {
        if (access.Resolve(owner) is not { } key || !access.Allows(user, key))
        {
            return null;
        }
        return key.Kind == ScopeKind.Pool
            ? directory.Program.FindPool(key.Id)?.DispatcherKey
            : directory.Program.FindTenant(key.Id)?.DispatcherKey;
    }

    /// <summary>The route value naming a dispatcher's tenant or pool: "toyama" or "pool:national".</summary>
    public static string OwnerOf(string dispatcherKey) =>
        dispatcherKey.StartsWith(ScopeKey.PoolPrefix, StringComparison.Ordinal) ? dispatcherKey : dispatcherKey["tenant:".Length..];
}
