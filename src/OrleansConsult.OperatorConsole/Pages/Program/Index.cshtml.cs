using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.Tenancy;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Pages.Program;

/// <summary>The tenants and pools this person administers; for 全国管理者 also history, export and the whole program.</summary>
public sealed class IndexModel(IConsoleAccess access) : PageModel
{
    public IReadOnlyList<TenantSettings> Tenants { get; private set; } = [];

    public IReadOnlyList<NursePoolSettings> Pools { get; private set; } = [];

    public bool National { get; private set; }

    public void OnGet()
    {
        Tenants = access.VisibleTenants(User).Where(t => access.Administers(User, ScopeKey.Tenant(t.Id))).ToList();
        Pools = access.VisiblePools(User).Where(p => access.Administers(User, ScopeKey.Pool(p.Id))).ToList();
        National = access.ScopeOf(User)?.Role == ConsoleRole.National;
    }
}
