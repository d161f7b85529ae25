using OrleansConsult.Grains;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>
/// The group commit of a LINE user's state, without a silo: one write in flight, callers meanwhile share the
/// next one, a failure reaches everyone who waited for it, nothing is written after the erasure, and the
/// handled bookkeeping hook sees each write start and only successful ends. Runs one turn at a time, as in a grain.
/// </summary>
public sealed class StateWriteQueueTests
{
    private readonly List<TaskCompletionSource> _writes = [];
    private readonly List<CarryTimer> _timers = [];
    private readonly List<Exception> _carryFailures = [];

    private StateWriteQueue NewQueue(Func<Action>? startingWrite = null) => new(
        () =>
        {
            var write = new TaskCompletionSource();
            _writes.Add(write);
            return write.Task;
        },
        startingWrite ?? (() => () => { }),
        (callback, due) =>
        {
            var timer = new CarryTimer(callback, due);
            _timers.Add(timer);
            return timer;
        },
        ex =>
        {
            _carryFailures.Add(ex);
            return Task.CompletedTask;
        });

    [Fact]
    public Task Callers_during_a_write_in_flight_share_the_next_write() => OneTurnAtATime.RunAsync(async () =>
    {
        var queue = NewQueue();

        var first = queue.WriteAsync();
        Assert.Single(_writes); // started at once
        var second = queue.WriteAsync();
        var third = queue.WriteAsync();
        Assert.Same(second, third);
        Assert.Single(_writes); // they wait for the write in flight to end

        _writes[0].SetResult();
        await first;
        Assert.Equal(2, _writes.Count); // the next write started as soon as the first ended
        Assert.False(second.IsCompleted); // their changes are in the second write, not the first

        _writes[1].SetResult();
        await Task.WhenAll(second, third);
        Assert.Equal(2, _writes.Count);
    });

    [Fact]
    public Task A_failed_write_fails_everyone_who_waited_for_it_and_the_next_call_writes_again() => OneTurnAtATime.RunAsync(async () =>
    {
        var queue = NewQueue();
        var first = queue.WriteAsync();
        var second = queue.WriteAsync();
        var third = queue.WriteAsync();

        _writes[0].SetResult();
        await first;
        _writes[1].SetException(new TimeoutException("storage"));
        await Assert.ThrowsAsync<TimeoutException>(() => second);
        await Assert.ThrowsAsync<TimeoutException>(() => third);
        Assert.Equal(2, _writes.Count); // nobody retried on their own

        var again = queue.WriteAsync();
        Assert.Equal(3, _writes.Count);
        _writes[2].SetResult();
        await again;
    });

    [Fact]
    public Task Nothing_is_written_after_the_state_was_erased() => OneTurnAtATime.RunAsync(async () =>
    {
        var queue = NewQueue();
        var clears = 0;
        var inFlight = queue.WriteAsync();
        var erasing = queue.EraseAsync(() =>
        {
            Assert.True(_writes[0].Task.IsCompleted); // never beside a write in flight
            clears++;
            return Task.CompletedTask;
        });
        var askedBeforeTheErasureEnded = queue.WriteAsync();
        Assert.Equal(0, clears);

        _writes[0].SetResult();
        await inFlight;
        await erasing;
        await askedBeforeTheErasureEnded;
        Assert.Equal(1, clears);
        Assert.True(queue.Erased);

        await queue.WriteAsync();
        queue.WriteSoon();
        Assert.Single(_writes); // only the write that was in flight before the erasure
        Assert.Empty(_timers);

        // Her next event after the erasure: she starts from nothing, and her state is written again.
        await queue.StartAfreshAsync(() => Task.CompletedTask);
        var afresh = queue.WriteAsync();
        Assert.Equal(2, _writes.Count);
        _writes[1].SetResult();
        await afresh;
    });

    [Fact]
    public Task Writes_never_overlap_each_other_or_a_read() => OneTurnAtATime.RunAsync(async () =>
    {
        var running = 0;
        var most = 0;
        var writes = 0;
        async Task Exclusive()
        {
            most = Math.Max(most, ++running);
            await Task.Yield();
            await Task.Yield();
            running--;
        }
        var queue = new StateWriteQueue(
            async () =>
            {
                writes++;
                await Exclusive();
            },
            () => () => { },
            (_, _) => throw new InvalidOperationException("no timer in this test"),
            _ => Task.CompletedTask);

        var asked = new List<Task>();
        for (var i = 0; i < 30; i++)
        {
            asked.Add(queue.WriteAsync());
            if (i % 7 == 3)
            {
                asked.Add(queue.ExclusiveAsync(Exclusive));
            }
            if (i % 3 == 0)
            {
                await Task.Yield();
            }
        }
        await Task.WhenAll(asked);

        Assert.Equal(1, most);
        Assert.InRange(writes, 2, 29); // several writes, each carrying more than one ask
    });

    [Fact]
    public Task The_hook_sees_each_write_start_and_its_action_runs_only_after_that_write_succeeded() => OneTurnAtATime.RunAsync(async () =>
    {
        var log = new List<string>();
        var starts = 0;
        var queue = NewQueue(() =>
        {
            var write = ++starts;
            log.Add($"start {write}");
            return () => log.Add($"written {write}");
        });

        var first = queue.WriteAsync();
        Assert.Equal(["start 1"], log); // worked out before the write is sent
        var second = queue.WriteAsync();
        _writes[0].SetResult();
        await first;
        Assert.Equal(["start 1", "written 1", "start 2"], log);

        _writes[1].SetException(new TimeoutException("storage"));
        await Assert.ThrowsAsync<TimeoutException>(() => second);
        Assert.Equal(["start 1", "written 1", "start 2"], log); // a failed write forgets nothing
    });

    [Fact]
    public Task A_change_that_may_wait_is_carried_by_the_next_write_or_by_the_timer() => OneTurnAtATime.RunAsync(async () =>
    {
        var queue = NewQueue();

        queue.WriteSoon();
        queue.WriteSoon();
        Assert.True(queue.Dirty);
        Assert.Empty(_writes); // no write of its own yet
        var timer = Assert.Single(_timers); // one timer for both
        Assert.Equal(StateWriteQueue.CarryWithin, timer.Due);

        // Somebody else's write carries it: the timer then writes nothing.
        var carrying = queue.WriteAsync();
        Assert.False(queue.Dirty);
        _writes[0].SetResult();
        await carrying;
        await timer.FireAsync();
        Assert.Single(_writes);
        Assert.True(timer.Disposed);

        // Nobody writes within CarryWithin: the timer does.
        queue.WriteSoon();
        Assert.Equal(2, _timers.Count);
        var firing = _timers[1].FireAsync();
        Assert.Equal(2, _writes.Count);
        _writes[1].SetException(new TimeoutException("storage"));
        await firing;
        Assert.IsType<TimeoutException>(Assert.Single(_carryFailures)); // nobody awaits it: the grain is told
    });

    /// <summary>A one-shot timer the test fires itself.</summary>
    private sealed class CarryTimer(Func<Task> callback, TimeSpan due) : IDisposable
    {
        public TimeSpan Due => due;
        public bool Disposed { get; private set; }
        public Task FireAsync() => callback();
        public void Dispose() => Disposed = true;
    }
}
