using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Accounts;
using OrleansConsult.OperatorConsole.Identity;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Pages.Accounts;

/// <summary>
/// One account's role and scope, changed in place (<see cref="ConsoleAccounts.ChangeRoleAsync"/>: audited, her
/// sessions end). An account the signed-in admin may not manage is 404, like any out-of-scope page.
/// </summary>
public sealed class RoleModel(ConsoleAccounts accounts, IConsoleAccess access) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string UserId { get; set; } = "";

    [BindProperty] public string? Role { get; set; }

    [BindProperty] public string[] Scope { get; set; } = [];

    public ConsoleUser Account { get; private set; } = null!;

    public IReadOnlyList<TenantSettings> Tenants { get; private set; } = [];

    public IReadOnlyList<NursePoolSettings> Pools { get; private set; } = [];

    public IReadOnlyList<ConsoleRole> Roles { get; private set; } = [];

    public string? Error { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        Role = Account.Role;
        Scope = Account.Scope.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }
        try
        {
            await accounts.ChangeRoleAsync(ConsoleClaims.Actor(User), ActorScope, UserId, Role ?? "", string.Join(",", Scope));
            Notice = $"{Account.Email} の役割・範囲を変更しました。本人は次の操作でサインインし直します。";
            return RedirectToPage("/Accounts/Index");
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
    }

    public bool InScope(string key) => Scope.Contains(key, StringComparer.OrdinalIgnoreCase);

    private ConsoleScope ActorScope => access.ScopeOf(User)!;

    private async Task<bool> LoadAsync()
    {
        if (await accounts.FindManagedAsync(ActorScope, UserId) is not { } account)
        {
            return false;
        }
        Account = account;
        var national = ActorScope.Role == ConsoleRole.National;
        Tenants = national ? access.VisibleTenants(User) : access.VisibleTenants(User).Where(t => ActorScope.Administers(ScopeKey.Tenant(t.Id))).ToList();
        Pools = national ? access.VisiblePools(User) : [];
        Roles = national
            ? [ConsoleRole.National, ConsoleRole.TenantAdmin, ConsoleRole.Supervisor, ConsoleRole.Auditor]
            : [ConsoleRole.TenantAdmin, ConsoleRole.Supervisor];
        return true;
    }
}
