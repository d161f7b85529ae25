namespace OrleansConsult.Storage;

/// <summary>
/// Group commit across callers (grains on any thread): at most one batch is being written; whatever callers hand
/// in meanwhile waits and leaves together in the next batch, up to <paramref name="maxBatch"/> items a statement.
/// Each caller completes when the batch holding its item is durable, with that item's own result, or with the
/// batch's exception. Under no load a batch is one item and leaves at once; under load a batch gathers what
/// arrived during one database round trip (a millisecond or two), so the commits per second stay about
/// constant while the rows per commit grow.
/// </summary>
/// <param name="write">Writes one batch in one statement and returns one result per item, in order.</param>
public sealed class GroupCommit<TItem, TResult>(Func<IReadOnlyList<TItem>, Task<IReadOnlyList<TResult>>> write, int maxBatch)
{
    private readonly object _lock = new();
    private readonly Queue<(TItem Item, TaskCompletionSource<TResult> Done)> _waiting = new();
    private bool _writing;

    public Task<TResult> WriteAsync(TItem item)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _waiting.Enqueue((item, done));
            start = !_writing;
            _writing = true;
        }
        if (start)
        {
            _ = Task.Run(WriteLoopAsync);
        }
        return done.Task;
    }

    private async Task WriteLoopAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done)> batch;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _writing = false;
                    return;
                }
                batch = new List<(TItem, TaskCompletionSource<TResult>)>(Math.Min(_waiting.Count, maxBatch));
                while (batch.Count < maxBatch && _waiting.TryDequeue(out var next))
                {
                    batch.Add(next);
                }
            }
            try
            {
                var results = await write(batch.ConvertAll(b => b.Item));
                if (results.Count != batch.Count)
                {
                    throw new InvalidOperationException($"A batch of {batch.Count} returned {results.Count} results.");
                }
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.SetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                // Nothing of the batch is known durable: every caller in it sees the failure (and retries as it would have).
                foreach (var (_, done) in batch)
                {
                    done.TrySetException(ex);
                }
            }
        }
    }
}
