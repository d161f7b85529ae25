using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Accounts;
using OrleansConsult.OperatorConsole.Identity;
using OrleansConsult.Tenancy;

namespace OrleansConsult.OperatorConsole.Pages.Accounts;

/// <summary>Invite console accounts and deactivate them (their role and scope change on /Accounts/{id}/Role), within the signed-in admin's own scope.</summary>
public sealed class AccountsModel(ConsoleAccounts accounts, IConsoleAccess access, TimeProvider clock) : PageModel
{
    public IReadOnlyList<ConsoleUser> Users { get; private set; } = [];

    public IReadOnlyList<TenantSettings> Tenants { get; private set; } = [];

    public IReadOnlyList<NursePoolSettings> Pools { get; private set; } = [];

    public IReadOnlyList<ConsoleRole> InvitableRoles { get; private set; } = [];

    public AccountInvitation? Invited { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostInviteAsync(string email, string? displayName, string role, string[]? scope)
    {
        try
        {
            Invited = await accounts.InviteAsync(ConsoleClaims.Actor(User), Scope, email, role, string.Join(",", scope ?? []), displayName);
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string userId)
    {
        try
        {
            await accounts.DeactivateAsync(ConsoleClaims.Actor(User), Scope, userId);
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>Set by the role page after a change.</summary>
    [TempData]
    public string? Notice { get; set; }

    public string State(ConsoleUser user) =>
        !user.Active ? "無効"
        : !user.TwoFactorEnabled ? "設定待ち"
        : user.LockoutEnd > clock.GetUtcNow() ? "ロック中"
        : "有効";

    public string Tokyo(DateTimeOffset instant) => OrleansConsult.Tenancy.JapaneseCalendar.ToTokyo(instant).ToString("yyyy年M月d日 HH:mm", CultureInfo.InvariantCulture);

    private ConsoleScope Scope => access.ScopeOf(User)!;

    private async Task LoadAsync()
    {
        Users = await accounts.ListAsync(Scope);
        Tenants = Scope.Role == ConsoleRole.National ? access.VisibleTenants(User) : access.VisibleTenants(User).Where(t => Scope.Administers(ScopeKey.Tenant(t.Id))).ToList();
        Pools = Scope.Role == ConsoleRole.National ? access.VisiblePools(User) : [];
        InvitableRoles = Scope.Role == ConsoleRole.National
            ? [ConsoleRole.National, ConsoleRole.TenantAdmin, ConsoleRole.Supervisor, ConsoleRole.Auditor]
            : [ConsoleRole.TenantAdmin, ConsoleRole.Supervisor];
    }
}
