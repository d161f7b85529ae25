namespace OrleansConsult.Grains;

/// <summary>
/// Group commit of one grain's state (a LINE user's: see <c>LineUserGrain</c>). One write at a time (a second in
/// flight would carry a stale ETag); whoever asks meanwhile (accepts, the work loop's handled mark, a spent reply
/// token) waits for the next write, which starts after the one in flight and carries every change made before it
/// starts. A failed write fails everyone who waited for it; the next ask writes again. Once the state is erased,
/// nothing is written again (it would bring the deleted row back).
/// Not thread-safe, like the grain it serves: it runs on one activation's scheduler, one turn at a time.
/// </summary>
/// <param name="write">Writes the state as it is when called.</param>
/// <param name="startingWrite">Runs as each write starts; the action it returns runs only once that write succeeded.</param>
/// <param name="startTimer">Starts a one-shot timer (the grain's) that runs the callback after the delay.</param>
/// <param name="carryFailed">Runs when the write <see cref="WriteSoon"/>'s timer started failed (nobody else awaits it).</param>
public sealed class StateWriteQueue(
    Func<Task> write,
    Func<Action> startingWrite,
    Func<Func<Task>, TimeSpan, IDisposable> startTimer,
    Func<Exception, Task> carryFailed)
{
    /// <summary>How long a change that need not be durable at once may wait for a write that carries it (see <see cref="WriteSoon"/>).</summary>
    public static readonly TimeSpan CarryWithin = TimeSpan.FromSeconds(2);

    /// <summary>Held by the write in flight, a reload and the erasure: never two at once.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);
    private TaskCompletionSource? _next;
    private bool _writing;
    private IDisposable? _carryTimer;

    /// <summary>State changed (<see cref="WriteSoon"/>) since the last write started.</summary>
    public bool Dirty { get; private set; }

    /// <summary>The stored state was deleted (<see cref="EraseAsync"/>): nothing is written back.</summary>
    public bool Erased { get; private set; }

    /// <summary>Completes when every change made before this call is durable (at once if the state is erased).</summary>
    public Task WriteAsync()
    {
        if (Erased)
        {
            // Writing now would bring her deleted row back.
            return Task.CompletedTask;
        }
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _next.Task;
        if (!_writing)
        {
            _writing = true;
            _ = WriteLoopAsync();
        }
        return mine;
    }

    private async Task WriteLoopAsync()
    {
        try
        {
            while (_next is not null)
            {
                await _gate.WaitAsync();
                var batch = _next;
                _next = null;
                // This write carries every change made so far, including those marked by WriteSoon since the last one.
                Dirty = false;
                var succeeded = startingWrite();
                try
                {
                    if (!Erased)
                    {
                        await write();
                    }
                    succeeded();
                    batch?.SetResult();
                }
                catch (Exception ex)
                {
                    batch?.SetException(ex);
                }
                finally
                {
                    _gate.Release();
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }

    /// <summary>
    /// For changes whose loss in a crash repeats nothing anyone sees. The next write carries them: one somebody
    /// asks for, or this timer's within <see cref="CarryWithin"/>, whichever comes first.
    /// </summary>
    public void WriteSoon()
    {
        Dirty = true;
        if (Erased || _carryTimer is not null)
        {
            return;
        }
        _carryTimer = startTimer(CarryAsync, CarryWithin);
    }

    private async Task CarryAsync()
    {
        _carryTimer?.Dispose();
        _carryTimer = null;
        if (!Dirty || Erased)
        {
            return;
        }
        try
        {
            await WriteAsync();
        }
        catch (Exception ex)
        {
            await carryFailed(ex);
        }
    }

    /// <summary>Runs <paramref name="action"/> (a read of the state) while no write is in flight; none starts meanwhile.</summary>
    public Task ExclusiveAsync(Func<Task> action) => _gate.HoldingAsync(action);

    /// <summary>Deletes the stored state (<paramref name="clear"/>, while no write is in flight); nothing is written after it.</summary>
    public Task EraseAsync(Func<Task> clear) => _gate.HoldingAsync(async () =>
    {
        await clear();
        // Before the gate opens: a write waiting for it must already see the erasure.
        Erased = true;
    });

    /// <summary>After an erasure: reads the state again (<paramref name="read"/>: nothing, as for a new user) and writes from then on.</summary>
    public async Task StartAfreshAsync(Func<Task> read)
    {
        await read();
        Erased = false;
    }
}
