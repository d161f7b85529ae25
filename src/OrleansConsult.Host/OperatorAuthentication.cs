using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace OrleansConsult.Host;

/// <summary>
/// Operators' sign-in for the operator-only pages (the Orleans dashboard): HTTP Basic, user
/// "operator", password from Operators:Password (a Kubernetes secret). The pages answer only on
/// the management port, which no ingress exposes: operators reach it through `kubectl
/// port-forward` (tunnelled over the API server's TLS). Until the web console brings real
/// accounts, this is the one operator credential; without it set, the pages are not mapped at all.
/// </summary>
public sealed class OperatorAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Operator";
    public const string PasswordSetting = "Operators:Password";
    public const string Policy = "operators";
    private const string User = "operator";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var expected = configuration[PasswordSetting];
        if (string.IsNullOrEmpty(expected)
            || !AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            || header.Parameter is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        string credentials;
        try
        {
            credentials = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            return Task.FromResult(AuthenticateResult.Fail("malformed credentials"));
        }
        var colon = credentials.IndexOf(':');
        var valid = colon > 0
            && credentials[..colon] == User
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(credentials[(colon + 1)..])), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
        if (!valid)
        {
            return Task.FromResult(AuthenticateResult.Fail("wrong operator credentials"));
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, User), new Claim(ClaimTypes.Role, Policy)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Basic realm=\"OrleansConsult operators\", charset=\"UTF-8\"";
        return Task.CompletedTask;
    }
}
