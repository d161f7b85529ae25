namespace OrleansConsult.Line;

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
