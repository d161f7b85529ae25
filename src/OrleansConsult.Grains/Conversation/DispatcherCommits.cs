namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Group commit for one grain: at most one write in flight; whoever asks meanwhile waits for the next write,
/// which carries every change made until it starts. A write takes its snapshot synchronously when it starts
/// (<paramref name="save"/> must serialize before its first await), so a waiter's change is in the write it waits for.
/// When a write fails its waiters see the exception and <paramref name="failed"/> runs (the grain's memory is
/// ahead of storage: it deactivates, and the next call reads storage again).
/// </summary>
public sealed class DispatcherCommits(Func<Task> save, Action failed)
{
    private TaskCompletionSource? _next;
    private bool _writing;

    /// <summary>Completes when everything changed before this call is durable.</summary>
    public Task CommitAsync()
    {
        _next ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var mine = _next.Task;
        if (!_writing)
        {
            _ = WriteLoopAsync();
        }
        return mine;
    }

    private async Task WriteLoopAsync()
    {
        _writing = true;
        try
        {
            while (_next is { } batch)
            {
                _next = null;
                try
                {
                    await save();
                    batch.SetResult();
                }
                catch (Exception ex)
                {
                    failed();
                    batch.SetException(ex);
                }
            }
        }
        finally
        {
            _writing = false;
        }
    }
}
