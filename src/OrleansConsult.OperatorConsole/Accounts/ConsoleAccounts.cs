using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Audit;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Accounts;

/// <summary>
/// Inviting, setting up, changing the role of and deactivating console accounts, each audited. The actor's scope bounds
/// what it may do (<see cref="ConsoleScope.ManagesAccount"/>); the command line acts as national.
/// </summary>
public sealed class ConsoleAccounts(
    UserManager<ConsoleUser> users,
    IUserStore<ConsoleUser> store,
    ConsoleDbContext db,
    SetupLinks setupLinks,
    IConsoleAccess access,
    IAuditLog audit,
    TimeProvider clock)
{
    public static readonly ConsoleScope CommandLine = new(ConsoleRole.National, []);

    public async Task<AccountInvitation> InviteAsync(string actor, ConsoleScope actorScope, string email, string roleName, string scopeText, string? displayName, CancellationToken cancellationToken = default)
    {
        email = (email ?? "").Trim();
        if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
        {
            throw new AccountException($"メールアドレスの形式が正しくありません: {email}");
        }
        var scope = CheckedScope(roleName, scopeText);
        var role = scope.Role;
        if (!actorScope.ManagesAccount(scope))
        {
            throw new AccountException("この役割・範囲のアカウントを招待する権限がありません。");
        }

        var user = await users.FindByEmailAsync(email);
        string? before = null;
        if (user is null)
        {
            user = new ConsoleUser
            {
                UserName = email,
                Email = email,
                Role = ConsoleRoles.Name(role),
                Scope = scope.Text,
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
                CreatedAt = clock.GetUtcNow(),
                CreatedBy = actor,
                LockoutEnabled = true,
            };
            Check(await users.CreateAsync(user));
        }
        else
        {
            if (!actorScope.ManagesAccount(ConsoleScope.Of(ConsoleRoles.Parse(user.Role) ?? ConsoleRole.National, user.Scope)))
            {
                throw new AccountException("この役割・範囲のアカウントを招待する権限がありません。");
            }
            // Re-inviting: a new setup link; the password and authenticator are set again, the role and scope replaced.
            before = Describe(user);
            user.Role = ConsoleRoles.Name(role);
            user.Scope = scope.Text;
            user.Active = true;
            user.TwoFactorEnabled = false;
            if (!string.IsNullOrWhiteSpace(displayName))
            {
                user.DisplayName = displayName.Trim();
            }
            Check(await users.UpdateAsync(user));
            if (await users.HasPasswordAsync(user))
            {
                Check(await users.RemovePasswordAsync(user));
            }
            Check(await users.UpdateSecurityStampAsync(user));
        }

        var link = await setupLinks.IssueAsync(user, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.AccountInvited, scope.Keys.FirstOrDefault().Id, user.Id, before, Describe(user)), cancellationToken);
        return new AccountInvitation(user.Id, email, user.Role, user.Scope, link, clock.GetUtcNow() + SetupLinks.Lifetime);
    }

    /// <summary>The setup link's last step: password and authenticator key (checked with a code from the app), all at once.</summary>
    public async Task<ConsoleUser> CompleteSetupAsync(string token, string password, string authenticatorKey, string code, CancellationToken cancellationToken = default)
    {
        var user = await setupLinks.FindAsync(token, cancellationToken) ?? throw new AccountException("このリンクは無効か期限切れです。管理者に新しいリンクを依頼してください。");
        foreach (var validator in users.PasswordValidators)
        {
            Check(await validator.ValidateAsync(users, user, password));
        }
        await ((IUserAuthenticatorKeyStore<ConsoleUser>)store).SetAuthenticatorKeyAsync(user, authenticatorKey, cancellationToken);
        Check(await users.UpdateAsync(user));
        if (!await users.VerifyTwoFactorTokenAsync(user, TotpAuthenticator.ProviderName, code))
        {
            throw new AccountException("確認コードが正しくありません。認証アプリに表示されている6桁の数字を入力してください。");
        }
        if (!await setupLinks.ConsumeAsync(token, cancellationToken))
        {
            throw new AccountException("このリンクは無効か期限切れです。管理者に新しいリンクを依頼してください。");
        }
        if (await users.HasPasswordAsync(user))
        {
            Check(await users.RemovePasswordAsync(user));
        }
        Check(await users.AddPasswordAsync(user, password));
        Check(await users.SetTwoFactorEnabledAsync(user, true));
        Check(await users.ResetAccessFailedCountAsync(user));
        await audit.AppendAsync(new AuditEntry(user.UserName!, AuditActions.AccountSetUp, ConsoleScope.Of(ConsoleRoles.Parse(user.Role) ?? ConsoleRole.Auditor, user.Scope).Keys.FirstOrDefault().Id, user.Id), cancellationToken);
        return user;
    }

    public async Task DeactivateAsync(string actor, ConsoleScope actorScope, string userId, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !actorScope.ManagesAccount(ScopeOf(user)))
        {
            throw new AccountException("アカウントが見つかりません。");
        }
        if (string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccountException("自分自身は無効にできません。");
        }
        var before = Describe(user);
        user.Active = false;
        Check(await users.UpdateAsync(user));
        // New stamp: an open session of hers fails its next check (within a minute).
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.AccountDeactivated, ScopeOf(user).Keys.FirstOrDefault().Id, user.Id, before, Describe(user)), cancellationToken);
    }

    /// <summary>
    /// Changes an account's role and scope in place (audited, before and after). Her sessions end (new security
    /// stamp), so her next request signs in again with the new role; the actor must manage both the old and the new.
    /// </summary>
    public async Task ChangeRoleAsync(string actor, ConsoleScope actorScope, string userId, string roleName, string scopeText, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null || !actorScope.ManagesAccount(ScopeOf(user)))
        {
            throw new AccountException("アカウントが見つかりません。");
        }
        if (string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase))
        {
            throw new AccountException("自分自身の役割は変更できません。別の全国管理者に依頼してください。");
        }
        var scope = CheckedScope(roleName, scopeText);
        if (!actorScope.ManagesAccount(scope))
        {
            throw new AccountException("この役割・範囲に変更する権限がありません。");
        }
        var newRole = ConsoleRoles.Name(scope.Role);
        if (user.Role == newRole && user.Scope == scope.Text)
        {
            return;
        }
        var before = Describe(user);
        user.Role = newRole;
        user.Scope = scope.Text;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.AccountRoleChanged, scope.Keys.FirstOrDefault().Id, user.Id, before, Describe(user)), cancellationToken);
    }

    /// <summary>The account with this id if the actor may manage it, else null (so another tenant's account is "not found").</summary>
    public async Task<ConsoleUser?> FindManagedAsync(ConsoleScope actorScope, string userId) =>
        await users.FindByIdAsync(userId ?? "") is { } user && actorScope.ManagesAccount(ScopeOf(user)) ? user : null;

    /// <summary>The account with this e-mail address, or null (the commands name people by address).</summary>
    public Task<ConsoleUser?> FindByEmailAsync(string email) => users.FindByEmailAsync((email ?? "").Trim());

    /// <summary>The accounts the actor may manage (national: all).</summary>
    public async Task<IReadOnlyList<ConsoleUser>> ListAsync(ConsoleScope actorScope, CancellationToken cancellationToken = default)
    {
        var all = await db.Users.AsNoTracking().ToListAsync(cancellationToken);
        return all.Where(u => actorScope.ManagesAccount(ScopeOf(u))).OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase).ToList();
    }

    /// <summary>A role and scope as typed (role name, "toyama,takaoka" or "pool:x"), checked: fits the role, names existing tenants and pools.</summary>
    private ConsoleScope CheckedScope(string roleName, string scopeText)
    {
        if (ConsoleRoles.Parse(roleName) is not { } role)
        {
            throw new AccountException("役割は national, tenant, supervisor, auditor のいずれかです。");
        }
        var scope = ConsoleScope.Of(role, scopeText);
        if (scope.Problem() is { } problem)
        {
            throw new AccountException(problem);
        }
        foreach (var key in scope.Keys)
        {
            if (access.Resolve(key.ToString()) is not { } found || found != key)
            {
                throw new AccountException($"自治体またはプール「{key}」はありません。");
            }
        }
        return scope;
    }

    public static ConsoleScope ScopeOf(ConsoleUser user) => ConsoleScope.Of(ConsoleRoles.Parse(user.Role) ?? ConsoleRole.Auditor, user.Scope);

    /// <summary>An account's settings for the audit log: role, scope, state. No password, no key.</summary>
    private static string Describe(ConsoleUser user) =>
        JsonSerializer.Serialize(new { role = user.Role, scope = user.Scope, active = user.Active, setUp = user.TwoFactorEnabled });

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new AccountException(string.Join(" ", result.Errors.Select(e => Japanese(e))));
        }
    }

    private static string Japanese(IdentityError error) => error.Code switch
    {
        "PasswordTooShort" => "パスワードは12文字以上にしてください。",
        "PasswordRequiresDigit" => "パスワードには数字を含めてください。",
        "PasswordRequiresLower" => "パスワードには英小文字を含めてください。",
        "PasswordRequiresUniqueChars" => "パスワードに使う文字の種類を増やしてください。",
        "DuplicateEmail" or "DuplicateUserName" => "このメールアドレスのアカウントは既にあります。",
        "InvalidEmail" or "InvalidUserName" => "メールアドレスの形式が正しくありません。",
        _ => error.Description,
    };
}
