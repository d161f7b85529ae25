using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>
/// A console session slides while used (30 minutes idle) but never outlives 8 hours from the
/// sign-in: a shared tablet left signed in at the end of a shift is signed out.
/// </summary>
public static class SessionLifetime
{
    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan Absolute = TimeSpan.FromHours(8);
    private const string SignedInAt = "oc.signed-in-at";

    public static void OnSigningIn(CookieSigningInContext context, DateTimeOffset now)
    {
        context.Properties.Items.TryAdd(SignedInAt, now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>True when the session began more than <see cref="Absolute"/> ago (or carries no start).</summary>
    public static bool Expired(AuthenticationProperties properties, DateTimeOffset now) =>
        !properties.Items.TryGetValue(SignedInAt, out var text)
        || !long.TryParse(text, out var seconds)
        || now - DateTimeOffset.FromUnixTimeSeconds(seconds) > Absolute;
}
