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
