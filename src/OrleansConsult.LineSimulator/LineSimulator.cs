using System.Collections.Concurrent;
using System.Text.Json;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.LineSimulator;

/// <summary>
/// The simulated platform's state: channels, reply tokens, accepted retry keys, delivered messages,
/// faults. One instance per simulator app (app.Services.GetRequiredService&lt;LineSimulator&gt;()).
/// </summary>
public sealed class LineSimulator
{
    private readonly Lock _gate = new();
    private readonly List<Delivery> _deliveries = [];
    private readonly ConcurrentDictionary<string, ReplyTokenInfo> _replyTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Channel, Guid Key), string> _acceptedRetryKeys = new();
    private readonly ConcurrentDictionary<Guid, int> _attemptsByRetryKey = new();
    private long _sequence;
    private TaskCompletionSource _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _apiCalls;
    private long _tokensIssued;
    private long _conflicts;
    private long _faults;
    private long _repliesHeld;
    private FaultSettings _faultSettings = new();
    private readonly ConcurrentDictionary<string, SimulatedContent> _content = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Channel, string UserId, long Number)> _readTokens = new(StringComparer.Ordinal);
    private readonly List<(string Channel, string UserId, string EventId, long Number)> _userMessages = [];
    private readonly Dictionary<(string Channel, string UserId), long> _readUpTo = [];
    private readonly Dictionary<(string Channel, string UserId), (DateTimeOffset Until, int Starts)> _loading = [];
    private long _userMessageNumber;

    public LineSimulator(SimulatorOptions options)
    {
        Options = options;
    }

    public SimulatorOptions Options { get; }

    /// <summary>Rich menus, defaults, per-user links and aliases of every channel.</summary>
    public SimulatedRichMenus RichMenus { get; } = new();
    public TimeProvider Clock => Options.Clock;

    public FaultSettings Faults
    {
        get => Volatile.Read(ref _faultSettings);
        set => Volatile.Write(ref _faultSettings, value ?? new FaultSettings());
    }

    /// <summary>Outage starting now on the simulator's clock.</summary>
    public void StartOutage(TimeSpan duration)
    {
        var now = Clock.GetUtcNow();
        Faults = Faults with { OutageFrom = now, OutageUntil = now + duration };
    }

    public void EndOutage() => Faults = Faults with { OutageFrom = null, OutageUntil = null };

    internal sealed record ReplyTokenInfo(string Channel, string UserId, DateTimeOffset IssuedAt)
    {
        public int Used;
    }

    /// <summary>A reply token the API side will accept once, within its lifetime, for this user.</summary>
    public string IssueReplyToken(string channel, string userId)
    {
        var token = Guid.NewGuid().ToString("N");
        _replyTokens[token] = new ReplyTokenInfo(channel, userId, Clock.GetUtcNow());
        Interlocked.Increment(ref _tokensIssued);
        return token;
    }

    /// <summary>Spends the token; null when unknown, of another channel, used or expired.</summary>
    internal string? TryUseReplyToken(string channel, string token)
    {
        if (!_replyTokens.TryGetValue(token, out var info) || info.Channel != channel)
        {
            return null;
        }
        if (Clock.GetUtcNow() - info.IssuedAt >= Options.ReplyTokenLifetime)
        {
            return null;
        }
        return Interlocked.Exchange(ref info.Used, 1) == 0 ? info.UserId : null;
    }

    /// <summary>Keeps a user's content for GET /v2/bot/message/{id}/content.</summary>
    public void PutContent(string messageId, SimulatedContent content) => _content[messageId] = content;

    public SimulatedContent? Content(string messageId) => _content.TryGetValue(messageId, out var content) ? content : null;

    /// <summary>A read token for her message (event) as LINE puts it in the message event: marks it and every earlier one read.</summary>
    public string IssueMarkAsReadToken(string channel, string userId, string webhookEventId)
    {
        var token = Guid.NewGuid().ToString("N");
        lock (_gate)
        {
            var number = ++_userMessageNumber;
            _userMessages.Add((channel, userId, webhookEventId, number));
            _readTokens[token] = (channel, userId, number);
        }
        return token;
    }

    /// <summary>POST /v2/bot/chat/markAsRead; false when the token is unknown or of another channel.</summary>
    internal bool MarkAsRead(string channel, string token)
    {
        if (!_readTokens.TryGetValue(token, out var message) || message.Channel != channel)
        {
            return false;
        }
        lock (_gate)
        {
            var key = (message.Channel, message.UserId);
            _readUpTo[key] = Math.Max(_readUpTo.GetValueOrDefault(key), message.Number);
        }
        return true;
    }

    /// <summary>POST /v2/bot/chat/loading/start: shown until the seconds pass or a message reaches her.</summary>
    internal void ShowLoading(string channel, string userId, int seconds)
    {
        lock (_gate)
        {
            var starts = _loading.GetValueOrDefault((channel, userId)).Starts;
            _loading[(channel, userId)] = (Clock.GetUtcNow().AddSeconds(seconds), starts + 1);
        }
    }

    /// <summary>What her phone shows besides messages: 既読 on her messages, the loading animation.</summary>
    public ChatSignals Signals(string channel, string userId)
    {
        lock (_gate)
        {
            var upTo = _readUpTo.GetValueOrDefault((channel, userId));
            var read = _userMessages.Where(m => m.Channel == channel && m.UserId == userId && m.Number <= upTo).Select(m => m.EventId).ToList();
            var loading = _loading.GetValueOrDefault((channel, userId));
            DateTimeOffset? until = loading.Until > Clock.GetUtcNow() ? loading.Until : null;
            return new ChatSignals(read, until, loading.Starts);
        }
    }

    public string? ChannelOfToken(string accessToken) =>
        Options.Channels.FirstOrDefault(c => c.Value.AccessToken == accessToken).Key;

    internal void CountApiCall(Guid? retryKey)
    {
        Interlocked.Increment(ref _apiCalls);
        if (retryKey is { } key)
        {
            _attemptsByRetryKey.AddOrUpdate(key, 1, (_, n) => n + 1);
        }
    }

    internal void CountFault() => Interlocked.Increment(ref _faults);

    internal void CountHeldReply() => Interlocked.Increment(ref _repliesHeld);

    /// <summary>Replies held so far by <see cref="FaultSettings.HoldRepliesMilliseconds"/> (a drill waits for one).</summary>
    public long RepliesHeld => Interlocked.Read(ref _repliesHeld);

    /// <summary>Claims the retry key for a new request id; returns the earlier request id when it was accepted before.</summary>
    internal string? TryAcceptRetryKey(string channel, Guid key, string requestId)
    {
        var accepted = _acceptedRetryKeys.GetOrAdd((channel, key), requestId);
        if (accepted == requestId)
        {
            return null;
        }
        Interlocked.Increment(ref _conflicts);
        return accepted;
    }

    internal void Deliver(string channel, IEnumerable<string> userIds, string via, IReadOnlyList<LineMessage> messages, Guid? retryKey, string requestId)
    {
        var now = Clock.GetUtcNow();
        var elements = messages.Select(m => JsonSerializer.SerializeToElement(m, LineJsonContext.Default.LineMessage)).ToList();
        TaskCompletionSource delivered;
        lock (_gate)
        {
            foreach (var userId in userIds)
            {
                foreach (var element in elements)
                {
                    _deliveries.Add(new Delivery(++_sequence, channel, userId, via, now, retryKey, requestId, element));
                }
                // A message arriving ends the loading animation, as on a phone.
                if (_loading.TryGetValue((channel, userId), out var loading))
                {
                    _loading[(channel, userId)] = (now, loading.Starts);
                }
            }
            delivered = _delivered;
            _delivered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        delivered.TrySetResult();
    }

    /// <summary>Completes once a delivery after <paramref name="afterSequence"/> exists: a watcher waits for it instead of polling.</summary>
    public Task DeliveredAfterAsync(long afterSequence)
    {
        lock (_gate)
        {
            return _sequence > afterSequence ? Task.CompletedTask : _delivered.Task;
        }
    }

    public IReadOnlyList<Delivery> Deliveries(string? channel = null, string? userId = null, long afterSequence = 0)
    {
        lock (_gate)
        {
            // Sequences are consecutive from the first kept delivery (each is ++_sequence; a reset only clears): the
            // new ones start at a computed index, so a watcher asking for them reads only those.
            var first = _deliveries.Count == 0 ? 0 : (int)Math.Clamp(afterSequence - _deliveries[0].Sequence + 1, 0, _deliveries.Count);
            var found = new List<Delivery>();
            for (var i = first; i < _deliveries.Count; i++)
            {
                var d = _deliveries[i];
                if ((channel is null || d.Channel == channel) && (userId is null || d.UserId == userId))
                {
                    found.Add(d);
                }
            }
            return found;
        }
    }

    /// <summary>
    /// Messages that count against the channel's quota this month (Japan time): one per recipient of
    /// each push or multicast request, however many message objects it carried. Replies are free.
    /// </summary>
    public long MonthUsage(string channel)
    {
        var tokyo = TimeSpan.FromHours(9);
        var now = Clock.GetUtcNow().ToOffset(tokyo);
        var monthStart = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, tokyo);
        lock (_gate)
        {
            return _deliveries.Where(d => d.Channel == channel && d.Via is "push" or "multicast" && d.Time >= monthStart)
                .Select(d => (d.RequestId, d.UserId)).Distinct().LongCount();
        }
    }

    /// <summary>How many times a message of this retry key was delivered (exactly once is the goal).</summary>
    public IReadOnlyDictionary<Guid, int> DeliveriesByRetryKey()
    {
        lock (_gate)
        {
            return _deliveries.Where(d => d.RetryKey is not null)
                .GroupBy(d => (d.RetryKey!.Value, d.RequestId))
                .GroupBy(g => g.Key.Value)
                .ToDictionary(g => g.Key, g => g.Count());
        }
    }

    /// <summary>API attempts the simulator saw carrying this retry key.</summary>
    public int AttemptsFor(Guid retryKey) => _attemptsByRetryKey.TryGetValue(retryKey, out var n) ? n : 0;

    public SimulatorStats Stats()
    {
        lock (_gate)
        {
            return new SimulatorStats(Interlocked.Read(ref _apiCalls), _deliveries.Count, Interlocked.Read(ref _tokensIssued),
                Interlocked.Read(ref _conflicts), Interlocked.Read(ref _faults));
        }
    }

    /// <summary>Forgets deliveries, tokens, keys and faults (a fresh training session).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _deliveries.Clear();
            _userMessages.Clear();
            _readUpTo.Clear();
            _loading.Clear();
        }
        _readTokens.Clear();
        _content.Clear();
        RichMenus.Clear();
        _replyTokens.Clear();
        _acceptedRetryKeys.Clear();
        _attemptsByRetryKey.Clear();
        Faults = new FaultSettings();
    }
}
