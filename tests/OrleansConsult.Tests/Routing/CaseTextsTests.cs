using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>The words a case sends its consultee and counselor, without a silo.</summary>
public sealed class CaseTextsTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Queued_names_who_she_waits_for_and_her_place_only_when_others_are_ahead()
    {
        Assert.Equal("相談員におつなぎしています。少しお待ちください。", CaseTexts.Queued(null, 1));
        Assert.EndsWith("\n現在3番目にお待ちいただいています。", CaseTexts.Queued(null, 3));
        var pool = CaseTexts.Queued("全国助産師チーム", 1);
        Assert.Contains("全国助産師チーム", pool);
        Assert.DoesNotContain("番目", pool);
    }

    [Fact]
    public void Her_message_reaches_the_counselor_with_the_tag_and_urgency()
    {
        Assert.Equal("#K3F2 陽性でした", CaseTexts.ToCounselor("#K3F2", urgent: false, "陽性でした"));
        Assert.Equal("#K3F2 【緊急】陽性でした", CaseTexts.ToCounselor("#K3F2", urgent: true, "陽性でした"));
    }

    [Fact]
    public void On_accepting_the_counselor_gets_the_case_then_what_she_wrote_while_waiting_in_order()
    {
        TranscriptEntry Entry(string id, TranscriptAuthor author, string text) => new("c1", "t1", id, At, author, text);
        var messages = CaseTexts.Connected("#K3F2", "富山市", urgent: true,
            [Entry("1", TranscriptAuthor.Consultee, "はじめまして"), Entry("2", TranscriptAuthor.Counselor, "こんにちは"), Entry("3", TranscriptAuthor.Consultee, "検査薬が陽性")]);
        Assert.Equal(2, messages.Length);
        Assert.Contains("#K3F2（富山市）【緊急】", messages[0].Text);
        Assert.EndsWith("・はじめまして\n・検査薬が陽性", messages[1].Text);
        Assert.Single(CaseTexts.Connected("#K3F2", "富山市", urgent: false, []));
    }

    [Fact]
    public void An_idle_close_offers_the_menu_and_every_close_ends_with_the_survey()
    {
        var idle = CaseTexts.Closing("idle", "c1");
        Assert.NotNull(idle[0].QuickReplies);
        Assert.Equal(Say.Survey("c1").Text, idle[1].Text);
        var ended = CaseTexts.Closing("ended", "c1");
        Assert.Equal("ご相談ありがとうございました。またいつでもメッセージを送ってください。", ended[0].Text);
        Assert.Contains("30分", CaseTexts.IdleWarning("#K3F2", TimeSpan.FromMinutes(30)).Text);
    }

    [Fact]
    public void A_note_is_stamped_with_tokyo_time_and_a_recap_line_is_clipped()
    {
        Assert.Equal("2026-12-01 10:00 電話番号を案内", CaseTexts.Note(At, "電話番号を案内"));
        var line = CaseTexts.RecapLine(new TranscriptEntry("c1", "t1", "e", At, TranscriptAuthor.Consultee, new string('あ', 100)));
        Assert.EndsWith(new string('あ', 79) + "…", line);
    }
}
