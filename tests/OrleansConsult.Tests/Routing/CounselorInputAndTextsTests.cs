using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>How a counselor's typed text is read, and the words about her own cases and offers, without a silo.</summary>
public sealed class CounselorInputAndTextsTests
{
    [Fact]
    public void The_rich_menu_words_set_her_presence_and_nothing_else_does()
    {
        Assert.Equal(Presence.Available, StaffInput.PresenceWord("出勤"));
        Assert.Equal(Presence.Away, StaffInput.PresenceWord("休憩"));
        Assert.Equal(Presence.OffShift, StaffInput.PresenceWord("退勤"));
        Assert.Null(StaffInput.PresenceWord("出勤します"));
        Assert.Null(StaffInput.PresenceWord(""));
    }

    [Fact]
    public void A_command_starts_with_a_half_or_full_width_slash_and_its_argument_follows_either_space()
    {
        Assert.True(StaffInput.IsCommand("/メモ 電話番号を案内", out var half));
        Assert.Equal(("メモ", "電話番号を案内"), StaffInput.Split(half));
        Assert.True(StaffInput.IsCommand("／記録　#K3F2 ", out var full));
        Assert.Equal(("記録", "#K3F2"), StaffInput.Split(full));
        Assert.Equal(("一覧", ""), StaffInput.Split("一覧"));
        Assert.False(StaffInput.IsCommand("こんにちは/またね", out var none));
        Assert.Equal("", none);
    }

    [Fact]
    public void The_list_names_her_cases_the_current_one_and_the_offers_she_holds()
    {
        Assert.Equal("対応中の相談はありません。", CounselorTexts.List([], null, []));
        Assert.Equal("対応中の相談：#K3F2 #A1B2\n送り先：#A1B2", CounselorTexts.List(["K3F2xx", "A1B2yy"], "A1B2yy", []));
        Assert.Equal("対応中の相談はありません。\nお待ちの相談：#Z9Y8", CounselorTexts.List([], null, ["Z9Y8zz"]));
    }

    [Fact]
    public void A_close_she_did_not_make_names_why_and_anything_unknown_reads_as_ended()
    {
        Assert.Equal("#K3F2 の相談は終了しました（一定時間メッセージがなかったため）。", CounselorTexts.CaseClosed("K3F2xx", "idle"));
        Assert.Equal("#K3F2 の相談は終了しました（終了）。", CounselorTexts.CaseClosed("K3F2xx", "supervisor"));
    }

    [Fact]
    public void A_withdrawn_offers_reason_round_trips_and_anything_else_is_not_read()
    {
        var reason = OfferReturnReason.Format(OfferReturn.Lapsed, OfferOutcome.Pool);
        Assert.True(OfferReturnReason.TryParse(reason, out var why, out var outcome));
        Assert.Equal((OfferReturn.Lapsed, OfferOutcome.Pool), (why, outcome));
        Assert.False(OfferReturnReason.TryParse("closed", out _, out _));
        Assert.False(OfferReturnReason.TryParse("Lapsed:Nowhere", out _, out _));
    }
}
