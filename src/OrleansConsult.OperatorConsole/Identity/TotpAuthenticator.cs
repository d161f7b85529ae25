using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>
/// The authenticator app's codes (RFC 6238: SHA-1, 30 s, 6 digits) checked with Otp.NET, one step
/// of clock drift either way. A code is accepted once: the last used time step is stored, so a
/// code seen over someone's shoulder cannot be replayed.
/// </summary>
public sealed class TotpAuthenticator(TimeProvider clock) : IUserTwoFactorTokenProvider<ConsoleUser>
{
    public const string ProviderName = "Authenticator";
    private const string LastStepToken = "TotpLastStep";

    public Task<string> GenerateAsync(string purpose, UserManager<ConsoleUser> manager, ConsoleUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<ConsoleUser> manager, ConsoleUser user)
    {
        var key = await manager.GetAuthenticatorKeyAsync(user);
        var code = new string((token ?? "").Where(char.IsDigit).ToArray());
        if (string.IsNullOrEmpty(key) || code.Length != 6)
        {
            return false;
        }
        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }
        var last = await manager.GetAuthenticationTokenAsync(user, ProviderName, LastStepToken);
        if (long.TryParse(last, out var lastStep) && step <= lastStep)
        {
            return false;
        }
        await manager.SetAuthenticationTokenAsync(user, ProviderName, LastStepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<ConsoleUser> manager, ConsoleUser user) =>
        Task.FromResult(user.TwoFactorEnabled);

    /// <summary>A new random key (160 bits, Base32) for the setup page.</summary>
    public static string NewKey() => Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));

    /// <summary>The otpauth:// URI the authenticator app reads from the QR code.</summary>
    public static string Uri(string issuer, string account, string key) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={key}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6&period=30";
}
