using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>
/// The two sign-in steps over Identity's SignInManager, every success and failure audited. An
/// account must have its second factor: a password alone never makes a console session.
/// </summary>
public sealed class ConsoleSignIn(SignInManager<ConsoleUser> signIn, UserManager<ConsoleUser> users, IAuditLog audit)
{
    public enum Outcome { SignedIn, NeedsCode, Failed, LockedOut, Expired }

    /// <summary>The name failed attempts on no account are logged under (what was typed is not kept: it may be anything).</summary>
    public const string UnknownAccount = "(不明なアカウント)";

    public async Task<Outcome> PasswordAsync(string email, string password)
    {
        var user = string.IsNullOrWhiteSpace(email) ? null : await users.FindByEmailAsync(email.Trim());
        if (user is null || !user.TwoFactorEnabled)
        {
            await audit.AppendAsync(new AuditEntry(user?.UserName ?? UnknownAccount, AuditActions.SignInFailed, Target: "password"));
            return Outcome.Failed;
        }
        var result = await signIn.PasswordSignInAsync(user, password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return Outcome.NeedsCode;
        }
        if (result.Succeeded)
        {
            // Cannot happen with TwoFactorEnabled; never leave a one-factor session behind.
            await signIn.SignOutAsync();
            return Outcome.Failed;
        }
        await audit.AppendAsync(new AuditEntry(user.UserName!, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, Target: "password"));
        return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
    }

    public Task<ConsoleUser?> PendingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    public async Task<Outcome> CodeAsync(string code)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            return Outcome.Expired;
        }
        var result = await signIn.TwoFactorAuthenticatorSignInAsync((code ?? "").Replace(" ", ""), isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            await audit.AppendAsync(new AuditEntry(user.UserName!, AuditActions.SignIn));
            return Outcome.SignedIn;
        }
        await audit.AppendAsync(new AuditEntry(user.UserName!, result.IsLockedOut ? AuditActions.LockedOut : AuditActions.SignInFailed, Target: "code"));
        return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
    }

    /// <summary>Right after the setup link: password set and authenticator code checked, so both factors were shown.</summary>
    public async Task SignInAfterSetupAsync(ConsoleUser user)
    {
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
        await audit.AppendAsync(new AuditEntry(user.UserName!, AuditActions.SignIn, Target: "setup"));
    }

    public async Task SignOutAsync(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated == true)
        {
            await audit.AppendAsync(new AuditEntry(user.Identity.Name ?? UnknownAccount, AuditActions.SignOut));
        }
        await signIn.SignOutAsync();
    }
}
