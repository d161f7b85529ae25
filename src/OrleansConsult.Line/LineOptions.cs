namespace OrleansConsult.Line;

/// <summary>The "Line" configuration section.</summary>
public sealed class LineOptions
{
    public const string Section = "Line";

    public string ApiBaseUrl { get; set; } = "https://api.line.me";
    public string DataApiBaseUrl { get; set; } = "https://api-data.line.me";

    /// <summary>
    /// The Host's public HTTPS address as LINE reaches it (e.g. https://consult.example.jp), for the
    /// signed media URLs LINE fetches pictures and files from. Without it media are named, not shown.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    public LineMediaOptions Media { get; set; } = new();
    public Dictionary<string, LineChannelOptions> Channels { get; set; } = new(StringComparer.Ordinal);
    public LineResilienceOptions Resilience { get; set; } = new();
    public LineSendOptions Sending { get; set; } = new();
    public LineWebhookOptions Webhook { get; set; } = new();
    public LineRichMenuOptions RichMenus { get; set; } = new();
    public LineQuotaOptions Quota { get; set; } = new();
}
