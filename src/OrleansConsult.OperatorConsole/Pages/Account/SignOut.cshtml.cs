using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Pages.Account;

/// <summary>Signing out is a POST (with the antiforgery token), so no link on another site can do it.</summary>
public sealed class SignOutModel(ConsoleSignIn signIn) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // /Account pages are anonymous: read the console sign-in explicitly, for the audit log.
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        await signIn.SignOutAsync(session.Principal ?? User);
        return Page();
    }
}
