using Microsoft.Extensions.Configuration;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Accounts;

/// <summary>
/// Where people open the console (Console:PublicUrl, e.g. https://console.example.jp), for the setup
/// links the admin command and the accounts page hand out. Default: http://localhost:{Console:Port}.
/// </summary>
public sealed record ConsoleLinks(Uri BaseUrl)
{
    public const string Setting = "Console:PublicUrl";

    public static ConsoleLinks Load(IConfiguration configuration, ConsolePort port)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ConsoleLinks(new Uri($"http://localhost:{(port.Enabled ? port.Port : ConsolePort.DefaultPort)}/"));
        }
        if (!Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new ConsoleConfigurationException($"{Setting} must be an absolute http(s) URL, not '{value}'.");
        }
        return new ConsoleLinks(uri);
    }

    public string SetupLink(string token) => new Uri(BaseUrl, $"Account/Setup/{token}").ToString();
}
