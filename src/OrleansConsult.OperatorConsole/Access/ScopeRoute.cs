using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace OrleansConsult.OperatorConsole.Access;

/// <summary>
/// The route convention every console page and API follows: a tenant or pool in the URL is named
/// {tenant}, {pool} or {owner} (tenant or pool id). Any such value out of the signed-in person's
/// scope, or naming nothing, makes the request 404 before the page or endpoint runs.
/// </summary>
public static class ScopeRoute
{
    public static readonly string[] Names = ["tenant", "pool", "owner"];

    public static bool Permits(HttpContext context, RouteValueDictionary values, IConsoleAccess access)
    {
        foreach (var name in Names)
        {
            if (values.TryGetValue(name, out var raw) && raw?.ToString() is { Length: > 0 } id)
            {
                var key = name == "pool" ? ScopeKey.Pool(id) : access.Resolve(id);
                if (key is not { } found || (name == "tenant" && found.Kind != ScopeKind.Tenant) || !access.Allows(context.User, found))
                {
                    return false;
                }
            }
        }
        return true;
    }
}
