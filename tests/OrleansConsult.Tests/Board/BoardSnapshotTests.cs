using System.Text.Json;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Board;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Board;

/// <summary>The pure turn of a dispatcher's state into its board, without a silo.</summary>
public sealed class BoardSnapshotTests
{
    private static readonly ProgramDirectory Directory = new(TestProgram.Build());
    private static readonly DispatcherProfile Area1 = Directory.Dispatcher("tenant:a1");

    /// <summary>Thursday 26 November 2026, Tokyo: area a1 is open 9:00–13:00, then closed until Friday 14:00.</summary>
    private static DateTimeOffset Thursday(int hour, int minute = 0) =>
        JapaneseCalendar.AtTokyo(new DateOnly(2026, 11, 26), new TimeSpan(hour, minute, 0));

    [Fact]
    public void The_figures_count_waiting_offered_urgent_left_messages_and_chats_and_list_only_staff_on_shift()
    {
        var now = Thursday(10);
        var state = new DispatcherState();
        state.Queue.Add(Queued("LEFTMESSAGE0000000000000000", now.AddHours(-15), leftMessage: true));
        state.Queue.Add(Queued("OFFERED00000000000000000000", now.AddMinutes(-4), offeredTo: "a1-c1"));
        state.Queue.Add(Queued("PLAINWAITING000000000000000", now.AddMinutes(-2)));
        state.Queue.Add(Queued("URGENTWAITING00000000000000", now.AddMinutes(-1), urgent: true));
        state.Roster["a1-c1"] = Rostered("a1-c1", Presence.Available, active: 1, capacity: 2, offer: "OFFERED00000000000000000000");
        state.Roster["a1-c2"] = Rostered("a1-c2", Presence.Away, active: 0, capacity: 2);
        state.Roster["a1-c3"] = Rostered("a1-c3", Presence.OffShift, active: 1, capacity: 1);

        var board = BoardSnapshot.Build(Area1, state, Directory.Staff, now, version: 7);

        Assert.Equal(("tenant:a1", "テスト県1", false), (board.Key, board.Name, board.IsPool));
        Assert.True(board.Open);
        Assert.Equal(Thursday(13), board.Until);
        Assert.Equal(2, board.Waiting);
        Assert.Equal(1, board.Offered);
        Assert.Equal(1, board.UrgentWaiting);
        Assert.Equal(1, board.LeftMessages);
        Assert.Equal(now.AddMinutes(-4), board.OldestWaitingSince); // the left message does not count as waiting
        Assert.Equal(2, board.InChat); // her chat goes on after 退勤
        Assert.Equal(7, board.Version);

        // Urgent first, then the queue's own order.
        Assert.Equal(["#URGE", "#LEFT", "#OFFE", "#PLAI"], board.Cases.Select(c => c.Tag));
        Assert.Equal([BoardCaseState.Waiting, BoardCaseState.LeftMessage, BoardCaseState.Offered, BoardCaseState.Waiting],
            board.Cases.Select(c => c.State));
        Assert.Equal("相談員1", board.Cases[2].OfferedTo);
        Assert.Equal("テスト県1", board.Cases[0].AreaName);

        Assert.Equal(["a1-c1", "a1-c2"], board.Staff.Select(s => s.StaffId));
        var c1 = board.Staff[0];
        Assert.Equal(("相談員1", Presence.Available, 1, 2, true), (c1.DisplayName, c1.Presence, c1.ActiveCases, c1.Capacity, c1.HasOffer));
        Assert.Equal(now.AddMinutes(-30), c1.IdleSince);
        Assert.Equal(Presence.Away, board.Staff[1].Presence);
    }

    [Fact]
    public void Nothing_she_wrote_and_no_case_id_beyond_its_tag_reaches_the_board()
    {
        var now = Thursday(10);
        var state = new DispatcherState();
        state.Queue.Add(Queued("SECRETCASEIDXXXXXXXXXXXXXX", now, preview: "検査薬は陽性でした"));

        var json = JsonSerializer.Serialize(BoardSnapshot.Build(Area1, state, Directory.Staff, now, 1));

        Assert.DoesNotContain("検査薬", json);
        Assert.DoesNotContain("SECRETCASEID", json);
        Assert.Contains("#SECR", json);
    }

    [Fact]
    public void Closed_it_says_when_it_opens_next()
    {
        var board = BoardSnapshot.Build(Area1, new DispatcherState(), Directory.Staff, Thursday(15), 1);

        Assert.False(board.Open);
        Assert.Equal(JapaneseCalendar.AtTokyo(new DateOnly(2026, 11, 27), new TimeSpan(14, 0, 0)), board.Until);
        Assert.Equal((0, 0, 0, 0, 0), (board.Waiting, board.Offered, board.UrgentWaiting, board.LeftMessages, board.InChat));
        Assert.Null(board.OldestWaitingSince);
        Assert.Empty(board.Cases);
        Assert.Empty(board.Staff);
    }

    [Fact]
    public void Overflow_is_counted_for_the_day_in_Tokyo_and_starts_again_after_midnight()
    {
        var state = new DispatcherState();
        BoardSnapshot.CountOverflow(state, Thursday(10));
        BoardSnapshot.CountOverflow(state, Thursday(23, 59));

        Assert.Equal(2, BoardSnapshot.Build(Area1, state, Directory.Staff, Thursday(23, 59), 1).OverflowedToday);
        var friday = JapaneseCalendar.AtTokyo(new DateOnly(2026, 11, 27), TimeSpan.FromMinutes(1));
        Assert.Equal(0, BoardSnapshot.Build(Area1, state, Directory.Staff, friday, 1).OverflowedToday);

        BoardSnapshot.CountOverflow(state, friday);
        Assert.Equal(1, BoardSnapshot.Build(Area1, state, Directory.Staff, friday, 1).OverflowedToday);
    }

    [Fact]
    public void A_board_goes_stale_by_time_at_the_next_opening_or_closing_or_at_midnight()
    {
        Assert.Equal(Thursday(13), BoardSnapshot.StaleAt(Area1, Thursday(10)));
        // Closed at 15:00; it opens Friday 14:00, but midnight comes first (today's overflow count).
        Assert.Equal(JapaneseCalendar.AtTokyo(new DateOnly(2026, 11, 27), TimeSpan.Zero), BoardSnapshot.StaleAt(Area1, Thursday(15)));
        // Before the opening: stale when it opens.
        Assert.Equal(Thursday(9), BoardSnapshot.StaleAt(Area1, Thursday(7)));
    }

    private static QueuedCase Queued(string caseId, DateTimeOffset since, bool urgent = false, bool leftMessage = false,
        string? offeredTo = null, string? preview = null) => new()
    {
        Ticket = new CaseTicket(caseId, "a1", "テスト県1", urgent, since, null, preview, leftMessage),
        Seq = since.UtcTicks,
        EnqueuedAt = since,
        OfferedTo = offeredTo,
        OfferDeadline = offeredTo is null ? null : since.AddMinutes(1),
    };

    private static RosterEntry Rostered(string id, Presence presence, int active, int capacity, string? offer = null) => new()
    {
        Status = new CounselorStatus(id, presence, capacity, active, Thursday(9, 30)),
        OfferCaseId = offer,
    };
}
