using System.Collections.Concurrent;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Tests.Conversation;

public sealed record SentMessage(string Channel, string UserId, LineMessage Message, SendPath Path, Guid RetryKey)
{
    public string Text => Message switch
    {
        TextMessage t => t.Text,
        FlexMessage f => f.AltText,
        _ => "",
    };

    public IReadOnlyList<LineAction> Actions => Message switch
    {
        FlexMessage f => (f.Contents.Footer?.Contents.OfType<FlexButton>().Select(b => b.Action) ?? []).Concat(QuickActions).ToList(),
        _ => QuickActions.ToList(),
    };

    private IEnumerable<LineAction> QuickActions => Message.QuickReply?.Items.Select(i => i.Action) ?? [];

    public string? Postback(string labelStart) =>
        Actions.OfType<PostbackAction>().FirstOrDefault(a => a.Label.StartsWith(labelStart, StringComparison.Ordinal))?.Data;
}

/// <summary>
/// Grain-level stand-in for the LINE API: records what the grains send, replies when they offer a
/// token, and like LINE drops a repeated retry key (so a repeat after a crash shows up once).
/// </summary>
public sealed class RecordingOutbound : ILineOutbound
{
    private readonly ConcurrentQueue<SentMessage> _sent = new();
    private readonly ConcurrentDictionary<Guid, bool> _keys = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new();
    private readonly ConcurrentDictionary<string, bool> _unreachable = new();
    private readonly ConcurrentQueue<SentMessage> _parked = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _stalled = new();

    public int RepeatedKeys;

    /// <summary>Sends that failed because their user was <see cref="Unreachable"/>.</summary>
    public int Unreached;

    /// <summary>From now on LINE refuses every send to this user (as for the monthly limit or a 4xx): parked, not delivered.</summary>
    public void Refuse(string userId) => _refused[userId] = true;

    public void Accept(string userId) => _refused.TryRemove(userId, out _);

    /// <summary>From now on every send to this user fails as when LINE cannot be reached: the grain keeps the event and retries.</summary>
    public void Unreachable(string userId) => _unreachable[userId] = true;

    public void Reachable(string userId) => _unreachable.TryRemove(userId, out _);

    /// <summary>Sends that hung because their user was <see cref="Stall"/>ed, and those of them their sender called off.</summary>
    public int Stalls;
    public int CalledOff;

    /// <summary>From now on sends to this user hang, as when LINE answers slowly, until <see cref="Unstall"/>; then they go on.</summary>
    public void Stall(string userId) => _stalled[userId] = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Unstall(string userId)
    {
        if (_stalled.TryRemove(userId, out var gate))
        {
            gate.TrySetResult();
        }
    }

    /// <summary>Sends LINE refused, parked in the outbox.</summary>
    public IReadOnlyList<SentMessage> ParkedFor(string userId) => _parked.Where(s => s.UserId == userId).ToList();

    public Task<SendOutcome> SendAsync(string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, string? origin,
        CancellationToken cancellationToken = default)
    {
        if (_stalled.TryGetValue(userId, out var gate))
        {
            Interlocked.Increment(ref Stalls);
            return AfterStallAsync(gate.Task, channel, userId, messages, token, retryKey, origin, cancellationToken);
        }
        if (_unreachable.ContainsKey(userId))
        {
            Interlocked.Increment(ref Unreached);
            throw new HttpRequestException("LINE unreachable (test)");
        }
        if (_refused.ContainsKey(userId))
        {
            foreach (var message in messages)
            {
                _parked.Enqueue(new SentMessage(channel, userId, message, SendPath.Parked, retryKey));
            }
            return Task.FromResult(new SendOutcome(SendPath.Parked, null) { TokenSpent = token is not null, ParkReason = OrleansConsult.Line.Outbox.OutboxParkReason.MonthlyLimit });
        }
        var path = token is null ? SendPath.Push : SendPath.Reply;
        if (path == SendPath.Push && !_keys.TryAdd(retryKey, true))
        {
            Interlocked.Increment(ref RepeatedKeys);
            return Task.FromResult(new SendOutcome(SendPath.Push, null));
        }
        foreach (var message in messages)
        {
            _sent.Enqueue(new SentMessage(channel, userId, message, path, retryKey));
        }
        return Task.FromResult(new SendOutcome(path, null) { TokenSpent = token is not null });
    }

    private async Task<SendOutcome> AfterStallAsync(Task gate, string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token,
        Guid retryKey, string? origin, CancellationToken cancellationToken)
    {
        // Like an HTTP call in progress, called off when its caller gives up.
        try
        {
            await gate.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref CalledOff);
            throw;
        }
        return await SendAsync(channel, userId, messages, token, retryKey, origin, cancellationToken);
    }

    public IReadOnlyList<SentMessage> To(string userId) => _sent.Where(s => s.UserId == userId).ToList();
}

public sealed class MemoryTranscriptStore : ITranscriptStore
{
    private readonly ConcurrentDictionary<string, List<TranscriptEntry>> _cases = new();

    public Task<bool> AppendAsync(TranscriptEntry entry, CancellationToken cancellationToken = default)
    {
        var list = _cases.GetOrAdd(entry.CaseId, _ => []);
        lock (list)
        {
            if (list.Any(e => e.EntryId == entry.EntryId))
            {
                return Task.FromResult(false);
            }
            list.Add(entry);
            return Task.FromResult(true);
        }
    }

    public Task<IReadOnlyList<TranscriptEntry>> ReadAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var list = _cases.GetOrAdd(caseId, _ => []);
        lock (list)
        {
            return Task.FromResult<IReadOnlyList<TranscriptEntry>>(list.ToList());
        }
    }

    public Task<int> DeleteCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        var list = _cases.GetOrAdd(caseId, _ => []);
        lock (list)
        {
            var count = list.Count;
            list.Clear();
            return Task.FromResult(count);
        }
    }
}
