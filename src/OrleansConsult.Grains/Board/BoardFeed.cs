using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using OrleansConsult.Abstractions;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Board;

/// <summary>
/// Reads the live boards of dispatchers for the console, through grain calls to wherever each dispatcher is
/// active (never from the state table). Per silo, one read per dispatcher is in flight at a time and a board
/// younger than <see cref="Freshness"/> is shared by every viewer, so a room full of screens costs a dispatcher
/// about one call a second; each call carries the version held, and an unchanged board comes back as nothing.
/// </summary>
public sealed class BoardFeed(IGrainFactory grains)
{
    /// <summary>How old a board held here may be when handed out: under the one-second polling of <see cref="WatchAsync"/>.</summary>
    public static readonly TimeSpan Freshness = TimeSpan.FromMilliseconds(900);

    /// <summary>How often <see cref="WatchAsync"/> asks: a change shows within this plus one grain call.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Every tenant and nurse pool of the program, tenants first, in the program's order.</summary>
    public static IReadOnlyList<string> DispatcherKeys(ProgramConfiguration program) =>
        program.Tenants.Select(t => t.DispatcherKey).Concat(program.NursePools.Select(p => p.DispatcherKey)).ToList();

    /// <summary>The boards of <paramref name="dispatcherKeys"/>, in that order, at most <see cref="Freshness"/> old.</summary>
    public async Task<IReadOnlyList<DispatcherBoard>> ReadAsync(IReadOnlyList<string> dispatcherKeys) =>
        await Task.WhenAll(dispatcherKeys.Select(ReadOneAsync));

    /// <summary>
    /// The boards at once, then again each time any of them changed, asked every <paramref name="interval"/>
    /// (<see cref="PollInterval"/> by default). A failed read (a silo going away) is tried again at the next tick.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<DispatcherBoard>> WatchAsync(IReadOnlyList<string> dispatcherKeys,
        TimeSpan? interval = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var timer = new PeriodicTimer(interval ?? PollInterval);
        string? shown = null;
        do
        {
            IReadOnlyList<DispatcherBoard>? boards = null;
            try
            {
                boards = await ReadAsync(dispatcherKeys);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Next tick: the dispatcher is being re-activated elsewhere.
            }
            if (boards is not null && Signature(boards) is var signature && signature != shown)
            {
                shown = signature;
                yield return boards;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }

    /// <summary>What identifies a set of boards: each one's key and version.</summary>
    public static string Signature(IEnumerable<DispatcherBoard> boards) =>
        string.Join(";", boards.Select(b => $"{b.Key}={b.Version}/{b.SupervisorCalls?.Version}"));

    private Task<DispatcherBoard> ReadOneAsync(string key)
    {
        var entry = _entries.GetOrAdd(key, _ => new Entry());
        lock (entry)
        {
            if (entry.Read is { } read && (!read.IsCompleted || Stopwatch.GetElapsedTime(entry.StartedAt) < Freshness))
            {
                return read;
            }
            entry.StartedAt = Stopwatch.GetTimestamp();
            entry.Read = FetchAsync(key, entry);
            return entry.Read;
        }
    }

    private async Task<DispatcherBoard> FetchAsync(string key, Entry entry)
    {
        var held = entry.Board;
        var read = grains.GetGrain<IDispatcherGrain>(key).GetBoardAsync(held?.Version ?? 0);
        // The supervisor desk's 未対応のSV要請 ride on the dispatcher's board; its own version is in the signature.
        var calls = await grains.GetGrain<ISupervisorDeskGrain>(key).GetSummaryAsync();
        var fresh = await read;
        if (fresh is not null)
        {
            entry.Board = fresh with { SupervisorCalls = calls };
        }
        else if (held is not null && held.SupervisorCalls != calls)
        {
            entry.Board = held with { SupervisorCalls = calls };
        }
        return entry.Board ?? throw new InvalidOperationException($"Dispatcher {key} answered no board to a reader that held none.");
    }

    private sealed class Entry
    {
        public long StartedAt;
        public Task<DispatcherBoard>? Read;
        public DispatcherBoard? Board;
    }
}
