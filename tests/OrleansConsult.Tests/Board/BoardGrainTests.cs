using System.Text.Json;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Conversation;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Board;

/// <summary>The live board as dispatchers answer it on the test cluster, on the controlled clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BoardGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Waiting_offered_urgent_and_in_chat_follow_the_queue_and_staff_show_status_load_and_idle_since()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10); // open until 13:00
        var c1 = await s.OnShiftAsync("c1");
        var c2 = await s.OnShiftAsync("c2");
        await c2.SayAsync("休憩");

        var first = await s.ReadyConsulteeAsync("first");
        await first.SayAsync("相談する"); // offered to c1 at once
        s.Advance(TimeSpan.FromSeconds(20)); // within the 60 s offer
        var second = await s.ReadyConsulteeAsync("second");
        await second.SayAsync("相談する"); // c1 holds an offer already: waits
        await second.SayAsync("検査薬は陽性でした");
        s.Advance(TimeSpan.FromSeconds(20));
        var urgent = await s.ReadyConsulteeAsync("urgent");
        await urgent.SayAsync("死にたい"); // a crisis word opens an urgent case

        var board = await BoardAsync(s, b => b.Waiting == 2 && b.Offered == 1);
        Assert.True(board.Open);
        Assert.Equal(13, Tenancy.JapaneseCalendar.ToTokyo(board.Until!.Value).Hour);
        Assert.Equal(1, board.UrgentWaiting);
        Assert.Equal(0, board.InChat);
        var (firstTag, secondTag, urgentTag) = (await TagAsync(first), await TagAsync(second), await TagAsync(urgent));
        Assert.Equal([urgentTag, firstTag, secondTag], board.Cases.Select(c => c.Tag));
        Assert.True(board.Cases[0].Urgent);
        Assert.Equal(BoardCaseState.Offered, board.Cases[1].State);
        Assert.Equal("相談員1", board.Cases[1].OfferedTo);
        Assert.Equal(s.Now.AddSeconds(-40), board.OldestWaitingSince);
        Assert.Equal(["a" + s.Area + "-c1", "a" + s.Area + "-c2"], board.Staff.Select(x => x.StaffId));
        Assert.Equal((Presence.Available, 0, 2, true), (board.Staff[0].Presence, board.Staff[0].ActiveCases, board.Staff[0].Capacity, board.Staff[0].HasOffer));
        Assert.Equal(Presence.Away, board.Staff[1].Presence);

        var json = JsonSerializer.Serialize(board);
        Assert.DoesNotContain("検査薬", json);
        Assert.DoesNotContain("死にたい", json);
        Assert.DoesNotContain(first.UserId, json);
        Assert.DoesNotContain((await first.AsConsultee.GetProfileAsync()).OpenCaseId!, json);

        // Accepted: out of the queue, into a chat; her load and idle-since move.
        await c1.AnswerOfferAsync(accept: true);
        board = await BoardAsync(s, b => b.InChat == 1 && b.Cases.All(c => c.Tag != firstTag));
        var staff = board.Staff.Single(x => x.StaffId == c1.CounselorId);
        Assert.Equal(1, staff.ActiveCases);
        Assert.Equal(s.Now, staff.IdleSince);
        Assert.DoesNotContain(board.Cases, c => c.Tag == firstTag);
    }

    [Fact]
    public async Task The_version_answers_nothing_until_something_changes_and_time_alone_changes_it_at_the_closing()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 12, 59);
        var board = await s.LocalDispatcher.GetBoardAsync(0);
        Assert.NotNull(board);
        Assert.True(board.Open);
        Assert.Null(await s.LocalDispatcher.GetBoardAsync(board.Version));

        await s.OnShiftAsync("c1");
        var changed = await s.LocalDispatcher.GetBoardAsync(board.Version);
        Assert.NotNull(changed);
        Assert.Single(changed.Staff);

        // Nothing in the queue changes at 13:00, but the board does: closed, until Friday's opening.
        s.Advance(TimeSpan.FromMinutes(1));
        var closed = await s.LocalDispatcher.GetBoardAsync(changed.Version);
        Assert.NotNull(closed);
        Assert.False(closed.Open);
        Assert.Equal(DayOfWeek.Friday, Tenancy.JapaneseCalendar.ToTokyo(closed.Until!.Value).DayOfWeek);
    }

    [Fact]
    public async Task A_case_handed_to_the_pool_counts_as_overflowed_today_and_shows_on_the_pool_board()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Monday, 18, 30); // area open 17–20 with nobody on shift; the pool open 18–22
        var nurse = await s.OnShiftAsync("n1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");

        var local = await BoardAsync(s, b => b.OverflowedToday == 1);
        Assert.Empty(local.Cases);
        var pool = await PoolBoardAsync(s, b => b.Offered == 1);
        Assert.True(pool.IsPool);
        Assert.Equal([await TagAsync(she)], pool.Cases.Select(c => c.Tag));
        Assert.Equal("看護師1", pool.Cases[0].OfferedTo);
        Assert.Equal(nurse.CounselorId, pool.Staff.Single().StaffId);
    }

    [Fact]
    public async Task A_left_message_waits_on_a_closed_board_that_says_when_it_opens()
    {
        var s = new Scenario(fixture, withoutPool: true);
        s.MoveTo(DayOfWeek.Thursday, 14); // closed until Friday 14:00
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await she.TapAsync("leave");

        var board = await BoardAsync(s, b => b.LeftMessages == 1);
        Assert.False(board.Open);
        Assert.Equal(DayOfWeek.Friday, Tenancy.JapaneseCalendar.ToTokyo(board.Until!.Value).DayOfWeek);
        Assert.Equal(0, board.Waiting);
        Assert.Null(board.OldestWaitingSince);
        Assert.Equal(BoardCaseState.LeftMessage, board.Cases.Single().State);
    }

    [Fact]
    public async Task A_supervisor_ends_a_forgotten_shift_she_is_told_keeps_her_case_and_leaves_the_board()
    {
        var s = new Scenario(fixture);
        s.MoveTo(DayOfWeek.Thursday, 10);
        var c1 = await s.OnShiftAsync("c1");
        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await c1.AnswerOfferAsync(accept: true);
        var tag = await TagAsync(she);

        var presence = await c1.AsCounselor.GetPresenceAsync();
        Assert.Equal((true, Presence.Available), (presence.Bound, presence.Presence));
        Assert.Equal([tag], presence.OpenCaseTags);

        Assert.True(await c1.AsCounselor.EndShiftBySupervisorAsync("req-1"));
        var notice = await c1.ExpectAsync("スーパーバイザーが状態を「退勤」にしました");
        Assert.Contains($"対応中の相談（{tag}）はそのまま続けられます", notice.Text);
        presence = await c1.AsCounselor.GetPresenceAsync();
        Assert.Equal(Presence.OffShift, presence.Presence);
        Assert.Equal([tag], presence.OpenCaseTags);
        Assert.Null(presence.OffShiftAt);

        var board = await BoardAsync(s, b => b.Staff.Count == 0);
        Assert.Equal(1, board.InChat);

        // Already off: nothing more happens, and she is not told twice.
        Assert.False(await c1.AsCounselor.EndShiftBySupervisorAsync("req-2"));
        Assert.Equal(1, c1.Count("スーパーバイザーが"));

        // A new consultee is not offered to her now.
        var next = await s.ReadyConsulteeAsync("next");
        await next.SayAsync("相談する");
        await next.ExpectAsync("対応できる相談員がいません");
        Assert.Equal(1, c1.Count("新しい相談があります"));
    }

    private static async Task<string> TagAsync(Person consultee) =>
        "#" + (await consultee.AsConsultee.GetProfileAsync()).OpenCaseId![..4];

    private static Task<DispatcherBoard> BoardAsync(Scenario s, Func<DispatcherBoard, bool> until) => WaitAsync(s.LocalDispatcher, until);

    private static Task<DispatcherBoard> PoolBoardAsync(Scenario s, Func<DispatcherBoard, bool> until) => WaitAsync(s.PoolDispatcher, until);

    /// <summary>Offers and reports are one-way: the board shows them a moment later.</summary>
    private static async Task<DispatcherBoard> WaitAsync(IDispatcherGrain dispatcher, Func<DispatcherBoard, bool> until)
    {
        DispatcherBoard? board = null;
        var ok = await Eventually.TrueAsync(async () =>
        {
            board = await dispatcher.GetBoardAsync(0);
            return until(board!);
        }, TimeSpan.FromSeconds(10));
        Assert.True(ok, "the board never showed it: " + JsonSerializer.Serialize(board));
        return board!;
    }
}
