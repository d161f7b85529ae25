using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Host;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// A LINE user grain deactivated while it still holds accepted work, on a silo that lives on. Orleans does this
/// under memory pressure and at idle collection, because the work loop is not a request (seen in issue 14's
/// 400 MiB pod: setup stalled for up to a minute at a time). Nothing on that silo would wake her before her next
/// message, so her pending-work entry goes to no silo and the recovery loop wakes her. And while an event of hers is
/// being worked, her activation holds a request of its own, so Orleans does not deactivate it mid-event (where a
/// deactivation and an event waiting for a call back into her grain waited for each other for 30 s).
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class DeactivatedWithWorkTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Her_unanswered_message_is_answered_although_her_activation_was_collected_with_it()
    {
        var (s, she, welcome) = await WelcomedOnceAsync();
        var key = GrainKeys.LineUser(she.Channel, she.UserId);

        // Accepted (the webhook's 200), but the answer cannot leave while LINE cannot be reached: her grain keeps the
        // work and would retry it in a few seconds.
        s.Outbound.Unreachable(she.UserId);
        await FollowAgainUntilTriedAsync(s, she, () => Volatile.Read(ref s.Outbound.Unreached));

        // Orleans collects every activation that runs no request, hers included once her failed try has ended (while
        // it runs, she holds a request of her own), on a silo that goes on living.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            return ClusterFixture.PendingWork.IsOrphaned(key);
        }, TimeSpan.FromSeconds(10)), "her entry was not handed to the recovery loop");
        s.Outbound.Reachable(she.UserId);

        // The recovery loop's sweep wakes her without any message of hers, and she is answered.
        Assert.Equal(1, she.Count(welcome));
        Assert.True(await Sweep().SweepAsync(CancellationToken.None) >= 1);
        await she.ExpectAsync(welcome, atLeast: 2);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(!ClusterFixture.PendingWork.IsOrphaned(key)), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Her_activation_is_not_collected_while_an_event_of_hers_is_being_worked()
    {
        var (s, she, welcome) = await WelcomedOnceAsync();
        var key = GrainKeys.LineUser(she.Channel, she.UserId);

        // LINE answers slowly: the answer to her event hangs inside the work loop, which runs outside any request.
        s.Outbound.Stall(she.UserId);
        await FollowAgainUntilTriedAsync(s, she, () => Volatile.Read(ref s.Outbound.Stalls));

        // Orleans collects every activation that runs no request. Hers holds one while she is being worked, so it stays;
        // were it collected, its deactivation would hand her entry to the recovery loop at once and then wait for the send.
        var collection = fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await Task.WhenAny(collection, Task.Delay(TimeSpan.FromSeconds(3)));
        Assert.False(ClusterFixture.PendingWork.IsOrphaned(key), "her activation was deactivated in the middle of her work");

        // The send goes on, and she is answered once, by the same activation.
        s.Outbound.Unstall(she.UserId);
        await collection;
        await she.ExpectAsync(welcome, atLeast: 2);
        Assert.Equal(2, she.Count(welcome));
        Assert.False(ClusterFixture.PendingWork.IsOrphaned(key));
    }

    [Fact]
    public async Task Her_activation_ended_in_the_middle_of_her_work_leaves_it_to_the_next_one_which_answers_her_once()
    {
        var (s, she, welcome) = await WelcomedOnceAsync();

        // Her answer's send hangs inside the work loop. Then her activation is asked to end anyway, as when Orleans'
        // collector chose it idle a moment before the work began. Its work would wait for what an ending activation
        // cannot give (in the field, a call back into her grain), so a deactivation that waited for it lasted 30 s.
        s.Outbound.Stall(she.UserId);
        var calledOffBefore = Volatile.Read(ref s.Outbound.CalledOff);
        await FollowAgainUntilTriedAsync(s, she, () => Volatile.Read(ref s.Outbound.Stalls));
        await she.AsConsultee.Cast<IGrainManagementExtension>().DeactivateOnIdle();

        // It ends after its keep-alive and a short wait, not the silo's 30 s: the next call is served by a new activation
        // while the send still hangs. The old one called its send off.
        var snapshot = she.AsConsultee.GetSnapshotAsync();
        Assert.Same(snapshot, await Task.WhenAny(snapshot, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.True(Volatile.Read(ref s.Outbound.CalledOff) > calledOffBefore, "the ended activation's send was not called off");

        // The new activation works her event again; once LINE answers, she has her answer exactly once.
        s.Outbound.Unstall(she.UserId);
        await she.ExpectAsync(welcome, atLeast: 2);
        Assert.True(await Eventually.TrueAsync(async () => (await she.AsConsultee.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(2, she.Count(welcome));
    }

    /// <summary>A consultee who has had her welcome once, on a Tuesday morning.</summary>
    private async Task<(Scenario S, Person She, string Welcome)> WelcomedOnceAsync()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Tuesday, 10);
        var she = await s.ReadyConsulteeAsync();
        var welcome = BotText.Get("Welcome");
        Assert.Equal(1, she.Count(welcome));
        return (s, she, welcome);
    }

    /// <summary>She follows again (accepted: the webhook's 200); returns once the send of her answer was tried, as <paramref name="tries"/> counts.</summary>
    private static async Task FollowAgainUntilTriedAsync(Scenario s, Person she, Func<int> tries)
    {
        var before = tries();
        await she.AsConsultee.AcceptAsync(MoreEvents.Follow() with { Timestamp = s.Now, UserId = she.UserId });
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(tries() > before), TimeSpan.FromSeconds(10)));
    }

    private PendingWorkRecovery Sweep()
    {
        var silo = fixture.Cluster.GetSiloServiceProvider();
        return new PendingWorkRecovery(ClusterFixture.PendingWork, silo.GetRequiredService<IClusterMembershipService>(),
            silo.GetRequiredService<ILocalSiloDetails>(), fixture.Grains, NullLogger<PendingWorkRecovery>.Instance);
    }
}
