using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>Puts the account's role and scope into its sign-in, where <see cref="IConsoleAccess"/> reads them.</summary>
public sealed class ConsoleClaimsFactory(UserManager<ConsoleUser> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<ConsoleUser>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ConsoleUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role));
        identity.AddClaim(new Claim(ConsoleClaims.Scope, user.Scope));
        identity.AddClaim(new Claim(ConsoleClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
