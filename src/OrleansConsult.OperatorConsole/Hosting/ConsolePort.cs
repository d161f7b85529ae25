using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>
/// The "Console" section's port: the listener that serves the operator console and nothing else.
/// Kestrel listens on it next to the public URLs, on the same hosts (like the management port);
/// the public port answers 404 for every console path. 0 turns the console listener off.
/// </summary>
public sealed record ConsolePort(int Port)
{
    public const string Section = "Console";
    public const int DefaultPort = 5100;

    public bool Enabled => Port != 0;

    public static ConsolePort Load(IConfiguration configuration)
    {
        var value = configuration[$"{Section}:Port"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ConsolePort(DefaultPort);
        }
        if (!int.TryParse(value, out var port) || port is < 0 or > 65535)
        {
            throw new ConsoleConfigurationException($"{Section}:Port must be a TCP port (1-65535), or 0 for no console, not '{value}'.");
        }
        return new ConsolePort(port);
    }

    /// <summary>True when the request came in on the console listener (by local port, never by Host header).</summary>
    public bool Serves(HttpContext context) => Enabled && context.Connection.LocalPort == Port;

    /// <summary>Adds one plain-http console URL per distinct host of the URLs Kestrel already has (public and management).</summary>
    public void Listen(IWebHostBuilder webHost)
    {
        if (!Enabled)
        {
            return;
        }
        var existing = (webHost.GetSetting(WebHostDefaults.ServerUrlsKey) ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (existing.Length == 0)
        {
            existing = ["http://localhost:5000"];
        }
        webHost.UseUrls([.. existing, .. Urls(existing)]);
    }

    public IReadOnlyList<string> Urls(IReadOnlyList<string> otherUrls)
    {
        var hosts = new List<string>();
        foreach (var url in otherUrls)
        {
            var address = BindingAddress.Parse(url);
            if (address.Port == Port)
            {
                throw new ConsoleConfigurationException($"{Section}:Port {Port} is also the port of the URL '{url}'.");
            }
            if (!hosts.Contains(address.Host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(address.Host);
            }
        }
        return hosts.Select(host => $"http://{host}:{Port}").ToList();
    }
}
