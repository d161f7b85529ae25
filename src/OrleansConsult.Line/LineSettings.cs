using Microsoft.Extensions.Configuration;

namespace OrleansConsult.Line;

/// <summary>Reads and validates the "Line" section; a bad setting is one line naming it.</summary>
public static class LineSettings
{
    public static LineOptions Load(IConfiguration configuration)
    {
        var section = configuration.GetSection(LineOptions.Section);
        var channels = new Dictionary<string, LineChannel>(StringComparer.Ordinal);
        foreach (var channel in section.GetSection("Channels").GetChildren())
        {
            var path = $"Line:Channels:{channel.Key}";
            var secret = Required(channel, "Secret", path);
            var token = Required(channel, "AccessToken", path);
            var role = channel["Role"]?.Trim().ToLowerInvariant() switch
            {
                "consultee" => LineChannelRole.Consultee,
                "staff" => LineChannelRole.Staff,
                var other => throw new LineConfigurationException(
                    $"{path}:Role must be 'consultee' or 'staff', not '{other ?? "(missing)"}'."),
            };
            channels[channel.Key] = new LineChannel(channel.Key, secret, token, role);
        }

        return new LineOptions(
            Url(section, "ApiBaseUrl", "https://api.line.me"),
            Url(section, "DataApiBaseUrl", "https://api-data.line.me"),
            channels);
    }

    private static string Required(IConfigurationSection channel, string key, string path) =>
        channel[key] is { Length: > 0 } value
            ? value
            : throw new LineConfigurationException($"{path}:{key} is required.");

    private static Uri Url(IConfigurationSection section, string key, string fallback)
    {
        var text = section[key] is { Length: > 0 } value ? value : fallback;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new LineConfigurationException($"Line:{key} must be an http(s) URL, not '{text}'.");
    }
}
