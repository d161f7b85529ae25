using OrleansConsult.Storage;

namespace OrleansConsult.Tests.Storage;

/// <summary>Group commit across callers, without a database: one batch in flight, the rest wait and leave together.</summary>
public sealed class GroupCommitTests
{
    private sealed class FakeWrites
    {
        public List<(IReadOnlyList<int> Items, TaskCompletionSource<IReadOnlyList<string>> Done)> Batches { get; } = [];

        public Task<IReadOnlyList<string>> WriteAsync(IReadOnlyList<int> items)
        {
            var done = new TaskCompletionSource<IReadOnlyList<string>>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (Batches)
            {
                Batches.Add((items, done));
            }
            return done.Task;
        }

        public int Count
        {
            get
            {
                lock (Batches)
                {
                    return Batches.Count;
                }
            }
        }

        public void Complete(int batch) => Batches[batch].Done.SetResult(Batches[batch].Items.Select(i => $"row {i}").ToList());
    }

    [Fact]
    public async Task Items_handed_in_during_a_write_leave_together_in_the_next_and_each_caller_gets_its_own_result()
    {
        var writes = new FakeWrites();
        var commits = new GroupCommit<int, string>(writes.WriteAsync, maxBatch: 100);

        var first = commits.WriteAsync(1);
        await WaitUntilAsync(() => writes.Count == 1);
        var second = commits.WriteAsync(2);
        var third = commits.WriteAsync(3);
        await Task.Delay(50);
        Assert.Equal(1, writes.Count); // one batch in flight at a time

        Assert.False(first.IsCompleted); // not before its batch is durable
        writes.Complete(0);
        Assert.Equal("row 1", await first);
        await WaitUntilAsync(() => writes.Count == 2);
        Assert.Equal([2, 3], writes.Batches[1].Items);
        Assert.False(second.IsCompleted);
        writes.Complete(1);

        Assert.Equal("row 2", await second);
        Assert.Equal("row 3", await third);
    }

    [Fact]
    public async Task A_batch_holds_at_most_max_batch_items_and_the_rest_follow_in_order()
    {
        var writes = new FakeWrites();
        var commits = new GroupCommit<int, string>(writes.WriteAsync, maxBatch: 2);

        var blocker = commits.WriteAsync(0);
        await WaitUntilAsync(() => writes.Count == 1);
        var waiting = Enumerable.Range(1, 5).Select(commits.WriteAsync).ToList();
        writes.Complete(0);
        await blocker;
        for (var batch = 1; batch <= 3; batch++)
        {
            await WaitUntilAsync(() => writes.Count == batch + 1);
            writes.Complete(batch);
        }

        Assert.Equal(["row 1", "row 2", "row 3", "row 4", "row 5"], await Task.WhenAll(waiting));
        Assert.Equal([[0], [1, 2], [3, 4], [5]], writes.Batches.Select(b => b.Items.ToArray()));
    }

    [Fact]
    public async Task A_failed_write_fails_every_caller_in_its_batch_only_and_the_next_batch_is_written()
    {
        var calls = 0;
        var commits = new GroupCommit<int, string>(async items =>
        {
            await Task.Yield();
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new TimeoutException("database away");
            }
            return items.Select(i => $"row {i}").ToList();
        }, maxBatch: 10);

        await Assert.ThrowsAsync<TimeoutException>(() => commits.WriteAsync(1));

        Assert.Equal("row 2", await commits.WriteAsync(2));
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Many_concurrent_callers_all_complete_in_fewer_writes_than_callers()
    {
        var writes = 0;
        var commits = new GroupCommit<int, int>(async items =>
        {
            Interlocked.Increment(ref writes);
            await Task.Delay(5);
            return items.Select(i => i * 10).ToList();
        }, maxBatch: 64);

        var results = await Task.WhenAll(Enumerable.Range(0, 500).Select(i => Task.Run(() => commits.WriteAsync(i))));

        Assert.Equal(Enumerable.Range(0, 500).Select(i => i * 10), results);
        Assert.InRange(writes, 8, 499); // at least 500 / 64 batches, and batching happened
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
