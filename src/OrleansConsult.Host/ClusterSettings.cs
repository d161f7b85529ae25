using System.Net;

namespace OrleansConsult.Host;

/// <summary>The "Orleans" configuration section: cluster identity and silo endpoints.</summary>
public sealed record ClusterSettings(string ClusterId, string ServiceId, int SiloPort, int GatewayPort, IPAddress AdvertisedIP)
{
    public const string Section = "Orleans";

    public static ClusterSettings Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var ip = IPAddress.Loopback;
        if (section["AdvertisedIP"] is { Length: > 0 } text && !IPAddress.TryParse(text, out ip))
        {
            throw new HostConfigurationException($"Orleans:AdvertisedIP '{text}' is not an IP address.");
        }

        return new ClusterSettings(
            Text(section, "ClusterId", "orleansconsult"),
            Text(section, "ServiceId", "orleansconsult"),
            Port(section, "SiloPort", 11111),
            Port(section, "GatewayPort", 30000),
            ip!);
    }

    private static string Text(IConfigurationSection section, string key, string fallback)
    {
        var value = section[key];
        return string.IsNullOrWhiteSpace(value) ? fallback : value.Trim();
    }

    private static int Port(IConfigurationSection section, string key, int fallback)
    {
        var value = section[key];
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }
        if (!int.TryParse(value, out var port) || port is < 1 or > 65535)
        {
            throw new HostConfigurationException($"Orleans:{key} must be a TCP port (1-65535), not '{value}'.");
        }
        return port;
    }
}
