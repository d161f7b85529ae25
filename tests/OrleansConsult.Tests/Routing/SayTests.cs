using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Routing;

/// <summary>The words of routing, composed from the texts and the program in use, without a silo.</summary>
public sealed class SayTests
{
    private static readonly ProgramDirectory Directory = new(TestProgram.Build());
    private static readonly DateOnly Tuesday = new(2026, 12, 1);

    [Fact]
    public void Nobody_free_while_open_never_says_out_of_hours()
    {
        var open = JapaneseCalendar.AtTokyo(Tuesday, TimeSpan.FromHours(10));
        var text = Say.Unanswered(Directory.Dispatcher("tenant:a1"), Directory.FindDispatcher("pool:p1"), open).Text;
        Assert.Contains("対応できる相談員がいません", text);
        Assert.Contains("受付時間：", text);
        Assert.DoesNotContain("受付時間外", text);
        Assert.DoesNotContain("受付中", text);
    }

    [Fact]
    public void Nobody_free_while_closed_gives_the_closed_answer_without_saying_open()
    {
        var closed = JapaneseCalendar.AtTokyo(Tuesday, TimeSpan.FromHours(7));
        var answer = Say.Unanswered(Directory.Dispatcher("tenant:a1"), Directory.FindDispatcher("pool:p1"), closed);
        Assert.Contains("ただいま受付時間外です", answer.Text);
        Assert.Contains("次の受付は 12月1日（火）9:00 からです", answer.Text);
        Assert.DoesNotContain("受付中", answer.Text);
        Assert.Contains(answer.Card!.Buttons, c => c.PostbackData == Say.LeaveMessage);
    }

    [Fact]
    public void The_closed_answer_is_a_compact_card_with_the_details_one_tap_away()
    {
        var closed = JapaneseCalendar.AtTokyo(Tuesday, TimeSpan.FromHours(7));
        var answer = Say.Unanswered(Directory.Dispatcher("tenant:a1"), Directory.FindDispatcher("pool:p1"), closed);
        var card = answer.Card!;
        Assert.Equal("ただいま受付時間外です", card.Title);
        Assert.Equal(["メッセージを残す", "電話で相談", "緊急のとき"], card.Buttons.Select(b => b.Label));
        Assert.Equal([Say.LeaveMessage, Say.PhonesPostback, Say.EmergencyPostback], card.Buttons.Select(b => b.PostbackData));
        Assert.DoesNotContain("0120-", card.Body); // phones and emergency numbers are behind their buttons
        Assert.Contains("看護師チーム1の受付時間", card.Body);
        Assert.True(card.Body.Split('\n').Length <= 6, card.Body);

        // The LINE message: a flex card whose alt text is the same short summary, within LINE's limits.
        var line = LineMessageMapper.ToLine(answer);
        var flex = Assert.IsType<OrleansConsult.Line.Messaging.FlexMessage>(line);
        Assert.StartsWith("ただいま受付時間外です", flex.AltText);
        OrleansConsult.Line.Messaging.LineMessageValidator.ValidateMessages([line]); // throws when LINE would refuse it
    }

    [Fact]
    public void The_area_prompt_gives_examples_from_the_program_in_use()
    {
        Assert.EndsWith("（例：テスト県1、テスト県10）", Say.AskArea(Directory.Program));
        var sample = ProgramConfigurationLoader.FromFile(Infrastructure.HostRunner.SampleProgram);
        Assert.EndsWith("（例：静岡市、富山県）", Say.AskArea(sample));
        var oneTenant = sample with { Tenants = sample.Tenants.Where(t => t.Id == "toyama").ToList() };
        Assert.EndsWith("（例：富山県、富山市）", Say.AskArea(oneTenant));
    }

    [Fact]
    public void The_pool_hand_off_names_the_configured_pool()
    {
        Assert.Contains("看護師チーム7におつなぎしています", Say.PoolConnecting(Directory.Dispatcher("pool:p7").Name));
        Assert.DoesNotContain("全国", Say.PoolConnecting("看護師チーム7"));
    }

    [Theory]
    [InlineData(299, "5分")]
    [InlineData(300, "5分")]
    [InlineData(60, "1分")]
    [InlineData(89, "1分")]
    [InlineData(90, "2分")]
    [InlineData(59, "59秒")]
    [InlineData(0.4, "1秒")]
    public void A_deadline_reads_in_minutes_and_in_seconds_only_under_a_minute(double seconds, string expected) =>
        Assert.Equal(expected, Say.Duration(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void The_offer_card_says_its_title_once_and_its_deadline_in_minutes()
    {
        var now = JapaneseCalendar.AtTokyo(Tuesday, TimeSpan.FromHours(10));
        var offer = new Offer("0123456789abcdef", "tenant:a1", "テスト市1", true, "眠れません", now.AddMinutes(-3), now.AddSeconds(299), 7);
        var card = Say.OfferCard(offer, now).Card!;
        var notification = card.Title + " " + card.Body; // what LINE shows in the notification (altText)
        Assert.Equal(1, Count(notification, "新しい相談があります"));
        Assert.Equal(1, Count(notification, "【緊急】"));
        Assert.Contains("5分以内", card.Body);
        Assert.DoesNotContain("秒以内", card.Body);
        Assert.Contains("「眠れません」", card.Body);
        Assert.Contains("待ち時間：3分", card.Body);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_preview_shows_no_brackets(string? preview)
    {
        var text = Say.OfferPreview(preview);
        Assert.Equal("（まだメッセージはありません）", text);
        Assert.DoesNotContain("「", text);
    }

    [Theory]
    [InlineData("相談員 ゆず", StaffRole.Counselor, "相談員のゆずさん")]
    [InlineData("助産師　はるか", StaffRole.Midwife, "助産師のはるかさん")]
    [InlineData("かおり", StaffRole.Nurse, "看護師のかおりさん")]
    [InlineData("相談員 なつみ", StaffRole.PublicHealthNurse, "保健師のなつみさん")] // the roster's role wins over a stale title
    public void Staff_are_addressed_by_their_role_from_the_roster_without_a_doubled_title(string displayName, StaffRole role, string expected)
    {
        var member = new StaffMember("x", displayName, role, 2, "CODE", "tenant:a1");
        Assert.Equal(expected, Say.StaffName(member));
        Assert.StartsWith(expected + "として登録しました", Say.Enrolled(member));
    }

    [Fact]
    public void Going_on_shift_while_closed_tells_her_so_and_when_it_opens()
    {
        var member = new StaffMember("x", "はるか", StaffRole.Midwife, 2, "CODE", "tenant:a1");
        var closed = JapaneseCalendar.AtTokyo(Tuesday, TimeSpan.FromHours(7));
        var text = Say.PresenceSet(member, Presence.Available, Directory.Dispatcher("tenant:a1"), closed);
        Assert.Contains("助産師のはるかさん", text);
        Assert.Contains("状態を「出勤」にしました", text);
        Assert.Contains("テスト県1はただいま受付時間外です。次の受付は 12月1日（火）9:00 からです。", text);

        var open = JapaneseCalendar.AtTokyo(Tuesday, TimeSpan.FromHours(10));
        var openText = Say.PresenceSet(member, Presence.Available, Directory.Dispatcher("tenant:a1"), open);
        Assert.Contains("ただいま受付中です（13:00 まで）", openText);
        Assert.Contains("自動で「退勤」", openText);
        Assert.DoesNotContain("受付時間外", openText);
    }

    [Fact]
    public void A_lapsed_offer_tells_her_truthfully_where_the_case_went()
    {
        var pause = TimeSpan.FromSeconds(60);
        Assert.Equal("#ABCD の相談は時間切れのため、ほかの相談員に回しました。",
            Say.OfferReturned("#ABCD", OfferReturn.Lapsed, OfferOutcome.Next, "看護師チーム1", pause));
        Assert.Equal("#ABCD の相談は時間切れのため、看護師チーム1に回しました。",
            Say.OfferReturned("#ABCD", OfferReturn.Lapsed, OfferOutcome.Pool, "看護師チーム1", pause));
        var queue = Say.OfferReturned("#ABCD", OfferReturn.Lapsed, OfferOutcome.Queue, null, pause);
        Assert.Contains("待ち行列に戻しました", queue);
        Assert.Contains("1分後にもう一度お知らせします", queue);
        Assert.DoesNotContain("ほかの相談員に回しました", queue);
        Assert.Equal("#ABCD の相談は、待ち行列に戻しました。", Say.OfferReturned("#ABCD", OfferReturn.Unavailable, OfferOutcome.Queue, null, pause));
    }

    [Fact]
    public void Her_shift_ending_at_the_closing_keeps_her_open_cases()
    {
        var text = Say.AutoOffShift("テスト県1", ["#AB12", "#CD34"]);
        Assert.Contains("自動で「退勤」にしました", text);
        Assert.Contains("対応中の相談（#AB12 #CD34）はそのまま続けられます", text);
        Assert.DoesNotContain("対応中の相談", Say.AutoOffShift("テスト県1", []));
    }

    private static int Count(string text, string fragment)
    {
        var count = 0;
        for (var at = text.IndexOf(fragment, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fragment, at + fragment.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}
