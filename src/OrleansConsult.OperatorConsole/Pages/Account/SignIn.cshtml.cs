using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Pages.Account;

/// <summary>First step: e-mail and password (lockout after repeated failures), then the authenticator code.</summary>
public sealed class SignInModel(ConsoleSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    public string? Error { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = await signIn.PasswordAsync(Email, Password);
        if (outcome == ConsoleSignIn.Outcome.NeedsCode)
        {
            return RedirectToPage("SignInCode", new { ReturnUrl = LocalOrHome(ReturnUrl) });
        }
        Error = outcome == ConsoleSignIn.Outcome.LockedOut
            ? "サインインの失敗が続いたため、このアカウントは一時的にロックされています。15分後にもう一度お試しください。"
            : "メールアドレスまたはパスワードが正しくありません。";
        return Page();
    }

    internal static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
