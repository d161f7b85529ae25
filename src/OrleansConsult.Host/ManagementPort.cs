namespace OrleansConsult.Host;

/// <summary>
/// The "Management" section: the port that serves what only operators and monitoring may reach
/// (/metrics, /dashboard). Kestrel listens on it next to the public URLs, on the same hosts;
/// the public port serves webhooks and health only. In Kubernetes it is in no Service the
/// ingress uses, and the NetworkPolicy lets only the monitoring namespace reach it.
/// </summary>
public sealed record ManagementPort(int Port)
{
    public const string Section = "Management";
    public const int DefaultPort = 9090;

    /// <summary>Kestrel's own default when no URL is configured.</summary>
    private const string KestrelDefaultUrls = "http://localhost:5000";

    public static ManagementPort Load(IConfiguration configuration)
    {
        var value = configuration[$"{Section}:Port"];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new ManagementPort(DefaultPort);
        }
        if (!int.TryParse(value, out var port) || port is < 1 or > 65535)
        {
            throw new HostConfigurationException($"{Section}:Port must be a TCP port (1-65535), not '{value}'.");
        }
        return new ManagementPort(port);
    }

    /// <summary>Makes Kestrel listen on the public URLs and on this port, on the same hosts as the public URLs.</summary>
    public void Listen(IWebHostBuilder webHost)
    {
        var publicUrls = PublicUrls(
            webHost.GetSetting(WebHostDefaults.ServerUrlsKey),
            webHost.GetSetting(WebHostDefaults.HttpPortsKey),
            webHost.GetSetting(WebHostDefaults.HttpsPortsKey));
        webHost.UseUrls([.. publicUrls, .. Urls(publicUrls)]);
    }

    /// <summary>The public URLs as Kestrel would bind them: urls, else http(s)_ports, else its default.</summary>
    public static IReadOnlyList<string> PublicUrls(string? urls, string? httpPorts, string? httpsPorts)
    {
        static string[] Split(string? text) => (text ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (Split(urls) is { Length: > 0 } given)
        {
            return given;
        }
        // ASPNETCORE_HTTP_PORTS (set by the .NET container images) binds every interface.
        var fromPorts = Split(httpPorts).Select(p => $"http://*:{p}").Concat(Split(httpsPorts).Select(p => $"https://*:{p}")).ToArray();
        return fromPorts.Length > 0 ? fromPorts : [KestrelDefaultUrls];
    }

    /// <summary>One plain-http management URL per distinct host of the public URLs (metrics never leave the cluster).</summary>
    public IReadOnlyList<string> Urls(IReadOnlyList<string> publicUrls)
    {
        var hosts = new List<string>();
        foreach (var url in publicUrls)
        {
            var address = BindingAddress.Parse(url);
            if (address.Port == Port)
            {
                throw new HostConfigurationException($"{Section}:Port {Port} is also the port of the public URL '{url}'.");
            }
            if (!hosts.Contains(address.Host, StringComparer.OrdinalIgnoreCase))
            {
                hosts.Add(address.Host);
            }
        }
        return hosts.Select(host => $"http://{host}:{Port}").ToList();
    }
}
