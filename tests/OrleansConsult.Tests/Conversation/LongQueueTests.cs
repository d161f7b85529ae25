using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// A queue longer than <see cref="DispatcherSweepPolicy.SweepEveryPumpUpTo"/>: a pump between sweeps handles its own
/// call (the case it enqueues, the offer that came back, new offers), and the sweep that follows, on the dispatcher's
/// timer while the engine clock stands still, handles everyone else.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LongQueueTests(ClusterFixture fixture)
{
    [Fact]
    public async Task In_a_long_queue_she_hears_her_true_place_and_the_next_sweep_tells_her_when_the_last_counselor_leaves()
    {
        var s = new Scenario(fixture, withoutPool: true);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var counselor = await s.OnShiftAsync("c1");
        var ahead = DispatcherSweepPolicy.SweepEveryPumpUpTo + 44;
        for (var i = 0; i < ahead; i++)
        {
            // Straight into the queue, ahead of her by arrival; nobody stands behind these cases, so what they are told goes nowhere.
            await s.LocalDispatcher.EnqueueAsync(new CaseTicket($"filler-{s.Area}-{i}", s.TenantId, "filler", false, s.Now, null, null));
        }
        await counselor.ExpectAsync("新しい相談があります"); // the first case's card

        var she = await s.ReadyConsulteeAsync("she");
        await she.SayAsync("相談する");
        Assert.Contains($"現在{ahead + 1}番目", (await she.ExpectAsync("相談員におつなぎしています")).Text); // the one on offer counts

        // 退勤 hands back her one offer in its own pump; that nobody is on shift reaches everyone else at the next sweep.
        await counselor.SayAsync("退勤");
        await she.ExpectAsync("対応できる相談員がいません");
        Assert.True(await Eventually.TrueAsync(async () => (await s.LocalDispatcher.GetSnapshotAsync()).Queue.Count == 0, TimeSpan.FromSeconds(10)));
    }
}
