using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>Identity's sign-in, refusing deactivated accounts (also when their cookie is re-validated).</summary>
public sealed class ConsoleSignInManager(
    UserManager<ConsoleUser> users,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ConsoleUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ConsoleUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ConsoleUser> confirmation)
    : SignInManager<ConsoleUser>(users, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ConsoleUser user) => user.Active && await base.CanSignInAsync(user);

    public override async Task<ConsoleUser?> ValidateSecurityStampAsync(System.Security.Claims.ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is { Active: true } ? user : null;
    }
}
