using OrleansConsult.Line;

namespace OrleansConsult.LineSimulator;

/// <summary>The "Simulator" configuration section (appsettings, command line) plus code-only settings for tests.</summary>
public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    public Dictionary<string, SimulatorChannel> Channels { get; set; } = new(StringComparer.Ordinal);

    /// <summary>"{channel}" is replaced by the channel name.</summary>
    public string WebhookBase { get; set; } = "http://127.0.0.1:5000/line/webhook/{channel}";

    public TimeSpan ReplyTokenLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retry-After (seconds) on an injected transient 429; none when null (LINE sends none).</summary>
    public int? RetryAfterSeconds { get; set; }

    /// <summary>The simulator's own clock (reply-token expiry, outage windows, record times). Tests pass a FakeTimeProvider.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public string WebhookUrlOf(string channel) =>
        Channels.TryGetValue(channel, out var c) && !string.IsNullOrEmpty(c.WebhookUrl)
            ? c.WebhookUrl
            : WebhookBase.Replace("{channel}", channel, StringComparison.Ordinal);

    /// <summary>The Development defaults, matching the Host's appsettings.Development.json.</summary>
    public void AddDevelopmentChannels()
    {
        Channels.TryAdd("consultee", new SimulatorChannel { Secret = "dev-consultee-secret", AccessToken = "dev-consultee-token", Role = LineChannelRole.Consultee });
        Channels.TryAdd("staff", new SimulatorChannel { Secret = "dev-staff-secret", AccessToken = "dev-staff-token", Role = LineChannelRole.Staff });
    }
}
