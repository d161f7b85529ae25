using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OrleansConsult.OperatorConsole.Accounts;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Pages.Account;

/// <summary>
/// The one-time setup link: password and authenticator in one form. The new authenticator key
/// travels in the form sealed by Data Protection (for one hour), never stored until the code matches.
/// </summary>
public sealed class SetupModel(SetupLinks links, ConsoleAccounts accounts, ConsoleSignIn signIn, IDataProtectionProvider protection) : PageModel
{
    private const string Issuer = "OrleansConsult";

    [BindProperty(SupportsGet = true)]
    public string Token { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty]
    public string Confirm { get; set; } = "";

    [BindProperty]
    public string Code { get; set; } = "";

    [BindProperty]
    public string ProtectedKey { get; set; } = "";

    public bool Invalid { get; private set; }

    public string Email { get; private set; } = "";

    public string QrSvg { get; private set; } = "";

    public string KeyForDisplay { get; private set; } = "";

    public string? Error { get; private set; }

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("console.setup.authenticator-key").ToTimeLimitedDataProtector();

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await links.FindAsync(Token);
        if (user is null)
        {
            Invalid = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Show(user, TotpAuthenticator.NewKey());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await links.FindAsync(Token);
        string key;
        try
        {
            key = Protector.Unprotect(ProtectedKey);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            key = "";
        }
        if (user is null || key.Length == 0)
        {
            Invalid = user is null;
            if (user is not null)
            {
                Error = "時間が経ちすぎました。新しい QR コードでもう一度登録してください。";
                Show(user, TotpAuthenticator.NewKey());
            }
            return Page();
        }
        if (Password != Confirm)
        {
            Error = "確認用のパスワードが一致しません。";
            Show(user, key);
            return Page();
        }
        try
        {
            var ready = await accounts.CompleteSetupAsync(Token, Password, key, Code);
            await signIn.SignInAfterSetupAsync(ready);
            return LocalRedirect("/");
        }
        catch (AccountException ex)
        {
            Error = ex.Message;
            Show(user, key);
            return Page();
        }
    }

    private void Show(ConsoleUser user, string key)
    {
        Email = user.Email ?? "";
        ProtectedKey = Protector.Protect(key, TimeSpan.FromHours(1));
        QrSvg = QrImages.Svg(TotpAuthenticator.Uri(Issuer, Email, key));
        KeyForDisplay = string.Join(" ", key.Chunk(4).Select(c => new string(c)));
    }
}
