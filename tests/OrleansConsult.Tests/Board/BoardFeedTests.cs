using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Board;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Board;

/// <summary>The console's reader of boards and of staff presence, over grain calls on the test cluster.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardFeedTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Watching_yields_the_boards_at_once_then_only_when_one_of_them_changed()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        await s.OnShiftAsync("c1");
        var feed = new BoardFeed(fixture.Grains);
        string[] keys = [$"tenant:{s.TenantId}", $"pool:{s.PoolId}"];
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = feed.WatchAsync(keys, TimeSpan.FromMilliseconds(50), stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.True(await watch.MoveNextAsync());
        Assert.Equal(keys, watch.Current.Select(b => b.Key));
        Assert.Empty(watch.Current[0].Cases);

        // Many polls, nothing changed: nothing is pushed.
        var next = watch.MoveNextAsync().AsTask();
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(next.IsCompleted);

        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        Assert.True(await next);
        Assert.Single(watch.Current[0].Cases);
    }

    [Fact]
    public async Task The_staff_page_lists_the_roster_with_presence_and_ends_a_shift_only_on_that_roster()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var c1 = await s.OnShiftAsync("c1");
        var service = new StaffPresenceService(fixture.Grains, new ProgramDirectory(TestProgram.Build()));
        var tenant = $"tenant:{s.TenantId}";

        var rows = await service.ListAsync(tenant);
        // The whole roster, supervisors included (their presence is shown like everyone's).
        Assert.Equal([$"{s.TenantId}-c1", $"{s.TenantId}-c2", $"{s.TenantId}-c3", $"{s.TenantId}-sv", $"{s.TenantId}-sv2"], rows.Select(r => r.Member.Id));
        Assert.Equal((true, Presence.Available), (rows[0].Presence.Bound, rows[0].Presence.Presence));
        Assert.Equal((false, Presence.OffShift), (rows[1].Presence.Bound, rows[1].Presence.Presence));

        // Another tenant's key does not reach her, and an unknown person is not found.
        Assert.Equal(ShiftEndOutcome.NotFound, (await service.EndShiftAsync("tenant:a99", c1.CounselorId!, "r1")).Outcome);
        Assert.Equal(ShiftEndOutcome.NotFound, (await service.EndShiftAsync(tenant, "nobody", "r1")).Outcome);
        Assert.Equal(Presence.Available, (await c1.AsCounselor.GetPresenceAsync()).Presence);

        Assert.Equal(new ShiftEndResult(ShiftEndOutcome.Ended, Presence.Available), await service.EndShiftAsync(tenant, c1.CounselorId!, "r2"));
        Assert.Equal(ShiftEndOutcome.AlreadyOffShift, (await service.EndShiftAsync(tenant, c1.CounselorId!, "r3")).Outcome);
        await c1.ExpectAsync("スーパーバイザーが状態を「退勤」にしました");
        Assert.Equal(Presence.OffShift, (await service.ListAsync(tenant))[0].Presence.Presence);
    }
}
