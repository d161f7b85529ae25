using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>Group commit without a silo: one write in flight, everyone who asks meanwhile shares the next one.</summary>
public sealed class DispatcherCommitsTests
{
    [Fact]
    public async Task Commits_asked_for_during_a_write_share_the_next_write_and_each_waits_for_its_own()
    {
        var writes = new List<TaskCompletionSource>();
        var failures = 0;
        var commits = new DispatcherCommits(() =>
        {
            var write = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            writes.Add(write);
            return write.Task;
        }, () => failures++);

        var first = commits.CommitAsync();
        Assert.Single(writes); // started at once
        var second = commits.CommitAsync();
        var third = commits.CommitAsync();
        Assert.Single(writes); // waiting for the write in flight to end

        writes[0].SetResult();
        await first;
        await WaitUntilAsync(() => writes.Count == 2);
        Assert.False(second.IsCompleted); // its change is in the second write, not the first
        writes[1].SetResult();
        await Task.WhenAll(second, third);

        Assert.Equal(2, writes.Count);
        Assert.Equal(0, failures);
    }

    [Fact]
    public async Task A_failed_write_fails_its_waiters_and_reports_it_and_the_next_commit_writes_again()
    {
        var calls = 0;
        var failures = 0;
        var commits = new DispatcherCommits(() => ++calls == 1 ? Task.FromException(new TimeoutException("database")) : Task.CompletedTask, () => failures++);

        await Assert.ThrowsAsync<TimeoutException>(() => commits.CommitAsync());
        Assert.Equal(1, failures);
        await commits.CommitAsync();
        Assert.Equal(2, calls);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
