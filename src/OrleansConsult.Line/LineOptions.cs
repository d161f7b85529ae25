namespace OrleansConsult.Line;

public enum LineChannelRole
{
    /// <summary>The public official account consultees talk to.</summary>
    Consultee,

    /// <summary>The account counselors and nurses use.</summary>
    Staff,
}

/// <summary>One LINE channel (official account): "Line:Channels:{name}".</summary>
public sealed class LineChannelOptions
{
    public string Secret { get; set; } = "";
    public string AccessToken { get; set; } = "";

    /// <summary>Bound from "consultee" / "staff"; null when missing (the validator says so).</summary>
    public LineChannelRole? Role { get; set; }

    /// <summary>The account's basic id (@123abcde), for line.me links such as staff invitations; optional.</summary>
    public string? BasicId { get; set; }

    /// <summary>
    /// The month's message budget to warn against when LINE reports no limit of its own (a plan
    /// without a cap still costs per message); with a limited plan LINE's figure is used. Optional.
    /// </summary>
    public long? MonthlyQuota { get; set; }
}

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

/// <summary>"Line:Webhook": what one incoming webhook request may carry.</summary>
public sealed class LineWebhookOptions
{
    public const int DefaultMaxEventsPerRequest = 100;

    /// <summary>
    /// A body with more events is refused whole (400) before any is stored. LINE batches a few
    /// events per request; hundreds in one body are not LINE, and each costs a grain call.
    /// </summary>
    public int MaxEventsPerRequest { get; set; } = DefaultMaxEventsPerRequest;
}

/// <summary>"Line:Resilience": retry, timeouts and the per-channel circuit breaker of outbound calls.</summary>
public sealed class LineResilienceOptions
{
    public int MaxRetryAttempts { get; set; } = 5;
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);
    public double BreakerFailureRatio { get; set; } = 0.5;
    public int BreakerMinimumThroughput { get; set; } = 20;
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>"Line:Sending": reply-token window and outbox re-send policy.</summary>
public sealed class LineSendOptions
{
    /// <summary>How long LINE keeps a reply token usable (documented as about one minute).</summary>
    public TimeSpan ReplyTokenValidity { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Kept back from the validity so a reply is never attempted on a token about to expire.</summary>
    public TimeSpan ReplyTokenSafetyMargin { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one send may take, retries included, before it goes to the outbox instead: the
    /// caller (a user's grain, keeping her messages in order) waits for it.
    /// </summary>
    public TimeSpan SendBudget { get; set; } = TimeSpan.FromSeconds(8);

    public TimeSpan OutboxBaseDelay { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan OutboxMaxDelay { get; set; } = TimeSpan.FromMinutes(10);
    public int OutboxBatchSize { get; set; } = 50;
    public int OutboxMaxAttempts { get; set; } = 50;
    public TimeSpan OutboxPollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

public sealed class LineConfigurationException(string message) : Exception(message);
