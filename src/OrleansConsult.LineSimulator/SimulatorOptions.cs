using OrleansConsult.Line;

namespace OrleansConsult.LineSimulator;

/// <summary>One simulated LINE channel: its secret signs webhooks, its token authorises API calls.</summary>
public sealed class SimulatorChannel
{
    public string Secret { get; set; } = "";
    public string AccessToken { get; set; } = "";
    public LineChannelRole Role { get; set; } = LineChannelRole.Consultee;

    /// <summary>Where the app receives this channel's webhooks; defaults to <see cref="SimulatorOptions.WebhookBase"/>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>The month's message limit GET /v2/bot/message/quota reports ("limited"); null: "none". Pushes past it answer 429 monthly limit.</summary>
    public long? MonthlyQuota { get; set; }
}

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

/// <summary>Faults the API side injects; changed at run time by code or by PUT /_sim/faults.</summary>
public sealed record FaultSettings
{
    /// <summary>Share (0..1) of calls answered 500 without delivering.</summary>
    public double ServerErrorShare { get; init; }

    /// <summary>Share (0..1) of push/multicast calls that deliver and still answer 500: the case the retry key exists for.</summary>
    public double ServerErrorAfterDeliveryShare { get; init; }

    /// <summary>Share (0..1) of calls answered with a transient 429 "Too many requests".</summary>
    public double TooManyRequestsShare { get; init; }

    /// <summary>Push and multicast answer 429 "You have reached your monthly limit." (reply still works, it is free).</summary>
    public bool MonthlyLimit { get; init; }

    /// <summary>Push and multicast answer this 4xx (e.g. 400 for a message LINE calls invalid, 403 for a plan without push); reply still works.</summary>
    public int? RefusePushWith { get; init; }

    /// <summary>When set, the faults below latency apply only to calls on this channel (e.g. "staff").</summary>
    public string? OnlyChannel { get; init; }

    /// <summary>Added to every API call.</summary>
    public int LatencyMilliseconds { get; init; }

    /// <summary>Outage window on the simulator's clock: every API call answers 503 inside it.</summary>
    public DateTimeOffset? OutageFrom { get; init; }
    public DateTimeOffset? OutageUntil { get; init; }

    public bool InOutage(DateTimeOffset now) =>
        (OutageFrom is not null || OutageUntil is not null) && (OutageFrom is null || now >= OutageFrom) && (OutageUntil is null || now < OutageUntil);
}
