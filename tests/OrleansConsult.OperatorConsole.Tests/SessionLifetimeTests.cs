using Microsoft.AspNetCore.Authentication;
using OrleansConsult.OperatorConsole.Identity;

namespace OrleansConsult.OperatorConsole.Tests;

public sealed class SessionLifetimeTests
{
    [Fact]
    public void A_session_ends_eight_hours_after_sign_in_however_busy_and_one_without_a_start_is_over()
    {
        var signedIn = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
        var properties = new AuthenticationProperties();
        properties.Items["oc.signed-in-at"] = signedIn.ToUnixTimeSeconds().ToString();

        Assert.False(SessionLifetime.Expired(properties, signedIn.AddHours(7.9)));
        Assert.True(SessionLifetime.Expired(properties, signedIn.AddHours(8).AddSeconds(1)));
        Assert.True(SessionLifetime.Expired(new AuthenticationProperties(), signedIn));
    }
}
