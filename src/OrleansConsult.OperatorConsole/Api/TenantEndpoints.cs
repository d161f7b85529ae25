using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Api;

/// <summary>
/// /api/tenants: the tenants and pools the signed-in person may see (for pickers and the board),
/// and one tenant's summary. The group's scope filter makes another tenant a 404.
/// </summary>
internal sealed class TenantEndpoints(IConsoleAccess access) : IConsoleEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        var tenants = api.MapGroup("/tenants");
        tenants.MapGet("/", (HttpContext context) => Results.Ok(new
        {
            tenants = access.VisibleTenants(context.User).Select(t => new { id = t.Id, name = t.DisplayName }),
            pools = access.VisiblePools(context.User).Select(p => new { id = p.Id, name = p.Name }),
        }));
        tenants.MapGet("/{tenant}", (string tenant, OrleansConsult.Grains.Conversation.ProgramDirectory directory) =>
            directory.Program.FindTenant(tenant) is { } found
                ? Results.Ok(new { id = found.Id, name = found.DisplayName, kind = found.Kind.ToString(), entryCode = found.EntryCode, counselors = found.Counselors.Count })
                : Results.NotFound());
    }
}
