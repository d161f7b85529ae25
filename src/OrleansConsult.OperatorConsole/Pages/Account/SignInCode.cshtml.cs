using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Pages.Account;

/// <summary>Second step: the authenticator code. Wrong codes count toward the same lockout as passwords.</summary>
public sealed class SignInCodeModel(ConsoleSignIn signIn) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string Code { get; set; } = "";

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.PendingUserAsync() is null ? RedirectToPage("SignIn") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        switch (await signIn.CodeAsync(Code))
        {
            case ConsoleSignIn.Outcome.SignedIn:
                return LocalRedirect(SignInModel.LocalOrHome(ReturnUrl));
            case ConsoleSignIn.Outcome.LockedOut:
                Error = "サインインの失敗が続いたため、このアカウントは一時的にロックされています。";
                return Page();
            case ConsoleSignIn.Outcome.Expired:
                return RedirectToPage("SignIn");
            default:
                Error = "確認コードが正しくありません。";
                return Page();
        }
    }
}
