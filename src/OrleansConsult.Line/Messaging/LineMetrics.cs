using System.Diagnostics.Metrics;

namespace OrleansConsult.Line.Messaging;

/// <summary>Meter "OrleansConsult.Line": what went out, what it cost, what failed. Tagged by channel and status only.</summary>
public sealed class LineMetrics
{
    public const string MeterName = "OrleansConsult.Line";

    private readonly Counter<long> _replies;
    private readonly Counter<long> _pushes;
    private readonly Counter<long> _monthlyLimit;
    private readonly Counter<long> _attempts;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _apiErrors;
    private readonly Counter<long> _replyFallbacks;
    private readonly Counter<long> _outboxEnqueued;
    private readonly Counter<long> _outboxDelivered;
    private readonly Counter<long> _outboxParked;
    private readonly Counter<long> _outboxReleased;

    public LineMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _replies = meter.CreateCounter<long>("line.replies", description: "Reply API calls that succeeded (free)");
        _pushes = meter.CreateCounter<long>("line.pushes", description: "Push calls that succeeded (count against the quota)");
        _monthlyLimit = meter.CreateCounter<long>("line.monthly_limit", description: "429 monthly limit answers");
        _attempts = meter.CreateCounter<long>("line.attempts", description: "HTTP attempts sent to the Messaging API");
        _retries = meter.CreateCounter<long>("line.retries", description: "Retries of Messaging API calls");
        _apiErrors = meter.CreateCounter<long>("line.api_errors", description: "Calls that failed, by final status");
        _replyFallbacks = meter.CreateCounter<long>("line.reply_fallbacks", description: "Sends that fell back from reply to push");
        _outboxEnqueued = meter.CreateCounter<long>("line.outbox.enqueued", description: "Pushes put in the outbox after failing");
        _outboxDelivered = meter.CreateCounter<long>("line.outbox.delivered", description: "Outbox items delivered on re-send");
        _outboxParked = meter.CreateCounter<long>("line.outbox.parked", description: "Sends LINE refused (or that ran out of attempts), parked in the outbox, by reason");
        _outboxReleased = meter.CreateCounter<long>("line.outbox.released", description: "Parked outbox items made due again (month turn or operator), by reason");
    }

    private static KeyValuePair<string, object?> Channel(string? channel) => new("channel", channel ?? "");

    public void Reply(string channel) => _replies.Add(1, Channel(channel));
    public void Push(string channel) => _pushes.Add(1, Channel(channel));
    public void MonthlyLimit(string? channel) => _monthlyLimit.Add(1, Channel(channel));
    public void Attempt(string? channel) => _attempts.Add(1, Channel(channel));
    public void Retry(string? channel) => _retries.Add(1, Channel(channel));
    public void ApiError(string? channel, int status) => _apiErrors.Add(1, Channel(channel), new("status", status));
    public void ReplyFallback(string channel, string reason) => _replyFallbacks.Add(1, Channel(channel), new("reason", reason));
    public void OutboxEnqueued(string channel) => _outboxEnqueued.Add(1, Channel(channel));
    public void OutboxDelivered(string channel) => _outboxDelivered.Add(1, Channel(channel));
    public void OutboxParked(string channel, Outbox.OutboxParkReason reason) =>
        _outboxParked.Add(1, Channel(channel), new("reason", Outbox.OutboxParkReasons.Name(reason)));
    public void OutboxReleased(Outbox.OutboxParkReason? reason, int count) =>
        _outboxReleased.Add(count, new KeyValuePair<string, object?>("reason", reason is { } r ? Outbox.OutboxParkReasons.Name(r) : "all"));
}
