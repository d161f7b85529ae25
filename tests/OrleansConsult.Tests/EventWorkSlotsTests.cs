using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>
/// EventWorkSlots' promise: accepting a LINE user's event (one state write, then the webhook's 200) is never
/// held back by the silo's bound on event work; only working it waits for a slot, and her stored events are
/// then worked in arrival order. The test takes the silo's only slot itself.
/// </summary>
public sealed class EventWorkSlotsTests(EventWorkSlotsClusterFixture fixture) : IClassFixture<EventWorkSlotsClusterFixture>
{
    /// <summary>A hang guard only, below Orleans' 30 s response timeout: a held-back accept never completes.</summary>
    private static readonly TimeSpan AcceptGuard = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long the test watches that nothing is worked while it holds the slot. With a free slot this silo
    /// works a follow within milliseconds; a slower machine can only make the watch pass without proving much,
    /// never fail it.
    /// </summary>
    private static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan WorkLimit = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task An_event_is_accepted_while_every_work_slot_is_taken_and_waits_stored_until_one_is_free()
    {
        var (grain, userId) = NewConsultee();
        await fixture.Slots.EnterAsync().WaitAsync(AcceptGuard);
        var held = true;
        try
        {
            var outcome = await grain.AcceptAsync(MoreEvents.Follow() with { UserId = userId }).WaitAsync(AcceptGuard);

            Assert.Equal(AcceptOutcome.Accepted, outcome);
            await AssertNotWorkedWhileHeldAsync(grain, userId, pending: 1);

            fixture.Slots.Leave();
            held = false;
            await AssertDrainedAsync(grain);
            Assert.Equal(BotText.Get("Welcome"), EventWorkSlotsClusterFixture.Outbound.To(userId)[0].Text);
        }
        finally
        {
            if (held)
            {
                fixture.Slots.Leave();
            }
        }
    }

    [Fact]
    public async Task Once_a_slot_is_free_her_stored_events_are_worked_in_arrival_order()
    {
        var (grain, userId) = NewConsultee();
        await fixture.Slots.EnterAsync().WaitAsync(AcceptGuard);
        var held = true;
        try
        {
            // Three webhooks, through both accept entry points: a follow, her tap on 同意する, her tap on 緊急のとき.
            // The first is taken for work (and waits for the slot) before the others arrive; the order of the
            // other two is decided once the slot is free.
            Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(MoreEvents.Follow() with { UserId = userId }).WaitAsync(AcceptGuard));
            Assert.Equal([AcceptOutcome.Accepted],
                await grain.AcceptBatchAsync([MoreEvents.Postback(Say.ConsentYes) with { UserId = userId }]).WaitAsync(AcceptGuard));
            Assert.Equal(AcceptOutcome.Accepted,
                await grain.AcceptAsync(MoreEvents.Postback(Say.EmergencyPostback) with { UserId = userId }).WaitAsync(AcceptGuard));
            await AssertNotWorkedWhileHeldAsync(grain, userId, pending: 3);

            fixture.Slots.Leave();
            held = false;
            await AssertDrainedAsync(grain);

            var texts = EventWorkSlotsClusterFixture.Outbound.To(userId).Select(m => m.Text).ToList();
            var answers = new[]
            {
                texts.FindIndex(t => t == BotText.Get("Welcome")),
                texts.FindIndex(t => t.StartsWith(BotText.Get("ConsentThanks"), StringComparison.Ordinal)),
                texts.FindIndex(t => t.StartsWith(BotText.Get("EmergencyTitle"), StringComparison.Ordinal)),
            };
            var got = string.Join("\n---\n", texts);
            Assert.True(answers.All(i => i >= 0), $"Expected the welcome, the consent answer and the emergency numbers. Got:\n{got}");
            Assert.True(answers[0] < answers[1] && answers[1] < answers[2], $"Her events were not worked in arrival order. Got:\n{got}");
        }
        finally
        {
            if (held)
            {
                fixture.Slots.Leave();
            }
        }
    }

    private (IConsulteeGrain Grain, string UserId) NewConsultee()
    {
        var userId = "U" + Guid.NewGuid().ToString("N");
        return (fixture.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser("consultee", userId)), userId);
    }

    /// <summary>For <see cref="HeldFor"/>: her events stay stored and nothing reaches LINE for her.</summary>
    private static async Task AssertNotWorkedWhileHeldAsync(IConsulteeGrain grain, string userId, int pending)
    {
        var until = DateTime.UtcNow + HeldFor;
        do
        {
            Assert.Equal(pending, (await grain.GetSnapshotAsync()).Pending.Count);
            Assert.Empty(EventWorkSlotsClusterFixture.Outbound.To(userId));
            await Task.Delay(50);
        }
        while (DateTime.UtcNow < until);
    }

    private static async Task AssertDrainedAsync(IConsulteeGrain grain) =>
        Assert.True(await Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()).Pending.Count == 0, WorkLimit),
            "her stored events were not worked after the slot was freed");
}
