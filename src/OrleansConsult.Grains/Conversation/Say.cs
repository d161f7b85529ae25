using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Conversation;

/// <summary>The bot's recurring messages, built from the resource texts and the program configuration.</summary>
public static class Say
{
    public const string ConsentYes = "consent:yes";
    public const string ConsentNo = "consent:no";
    public const string LeaveMessage = "leave";
    public const string SurveyPrefix = "survey:";
    public const string OfferAcceptPrefix = "offer:accept:";
    public const string OfferDeclinePrefix = "offer:decline:";
    public const string SwitchPrefix = "switch:";
    /// <summary>A card's [電話で相談] and [緊急のとき]: the same answers as the menu's, one tap away.</summary>
    public const string PhonesPostback = "menu:phone";
    public const string EmergencyPostback = "menu:emergency";
    public const string CannedFromPrefix = "canned:from:";
    public const string CannedSendPrefix = "canned:send:";

    /// <summary>The consultee menu, always offered as quick replies: chat, FAQ, phone, emergency.</summary>
    public static IReadOnlyList<Choice> Menu { get; } =
    [
        new(BotText.Get("MenuChat")),
        new(BotText.Get("MenuFaq")),
        new(BotText.Get("MenuPhone")),
        new(BotText.Get("MenuEmergency")),
    ];

    public static Outgoing WithMenu(string text) => new(text, Menu);

    public static IReadOnlyList<Outgoing> Welcome() =>
    [
        new(BotText.Get("Welcome")),
        new(BotText.Get("PrivacyNotice"), Card: new Card(BotText.Get("PrivacyTitle"), BotText.Get("PrivacyNotice"),
        [
            new(BotText.Get("ConsentAgree"), PostbackData: ConsentYes),
            new(BotText.Get("ConsentDecline"), PostbackData: ConsentNo),
        ])),
    ];

    public static Outgoing AskConsent() =>
        new(BotText.Get("AskConsent"), [new(BotText.Get("ConsentAgree"), PostbackData: ConsentYes), new(BotText.Get("ConsentDecline"), PostbackData: ConsentNo), .. Menu.Skip(1)]);

    public static Outgoing Emergency(CrisisSettings crisis)
    {
        var lines = crisis.EmergencyContacts.Select(c => $"・{c.Label}：{c.Number}（{c.Note}）");
        return new Outgoing(BotText.Get("EmergencyTitle") + "\n" + string.Join("\n", lines),
            crisis.EmergencyContacts.Where(c => c.Number.All(ch => char.IsDigit(ch) || ch == '-'))
                .Take(4).Select(c => new Choice($"{c.Label} {c.Number}", Uri: "tel:" + c.Number.Replace("-", ""))).Concat(Menu).ToList());
    }

    public static Outgoing Phones(TenantSettings? tenant, NursePoolSettings? pool)
    {
        var phones = (tenant?.Phones ?? []).Concat(pool?.Phones ?? []).ToList();
        if (phones.Count == 0)
        {
            return WithMenu(BotText.Get("PhoneNone"));
        }
        var body = string.Join("\n", phones.Select(p => $"・{p.Label}\n  {p.Number}（{p.HoursText}）"));
        return new Outgoing(BotText.Get("PhoneIntro") + "\n" + body, Menu,
            new Card(BotText.Get("PhoneIntro"), body,
                phones.Take(4).Select(p => new Choice($"{p.Number} に電話", Uri: "tel:" + p.Number.Replace("-", ""))).ToList()));
    }

    public static Outgoing FaqList(TenantSettings tenant) =>
        tenant.Faq.Count == 0
            ? WithMenu(BotText.Get("FaqNone"))
            : new Outgoing(BotText.Get("FaqIntro") + "\n" + string.Join("\n", tenant.Faq.Select(f => "・" + f.Question)),
                tenant.Faq.Take(9).Select(f => new Choice(f.Question, f.Question)).Concat(Menu).ToList());

    /// <summary>The FAQ entry whose question she tapped or one of whose keywords she wrote.</summary>
    public static FaqEntry? MatchFaq(TenantSettings? tenant, string text)
    {
        if (tenant is null)
        {
            return null;
        }
        var folded = TextFolding.Fold(text);
        return tenant.Faq.FirstOrDefault(f => TextFolding.Fold(f.Question) == folded)
            ?? tenant.Faq.FirstOrDefault(f => f.Keywords.Any(k => folded.Contains(TextFolding.Fold(k), StringComparison.Ordinal)));
    }

    /// <summary>
    /// Her area is closed: a compact card (closed now, the next opening, the hours) with [メッセージを残す]
    /// [電話で相談] [緊急のとき]; the phone numbers and emergency contacts are one tap away.
    /// </summary>
    public static Outgoing ClosedArea(DispatcherProfile profile, DispatcherProfile? pool, DateTimeOffset now, bool offerLeaveMessage) =>
        Unreachable(BotText.Get("Closed.Title"),
            [profile.Schedule.DescribeNextOpening(now), BotText.Format("OpenHours", profile.Schedule.DescribeWeeklyHours())],
            pool, offerLeaveMessage);

    /// <summary>
    /// Nobody can take her case now: the closed-area answer when the area is closed, else "nobody is free"
    /// with the hours (never 受付時間外 and 受付中 in one answer).
    /// </summary>
    public static Outgoing Unanswered(DispatcherProfile local, DispatcherProfile? pool, DateTimeOffset now) =>
        local.Schedule.IsOpen(now)
            ? Unreachable(BotText.Get("NobodyAvailable"), [BotText.Format("OpenHours", local.Schedule.DescribeWeeklyHours())],
                pool, offerLeaveMessage: true)
            : ClosedArea(local, pool, now, offerLeaveMessage: true);

    /// <summary>
    /// The card a phone shows in one screen: the headline, a few short lines (the pool's hours, the leave-a-message
    /// offer, 119/110), and buttons for what used to be a screenful: leave a message, the phones, the emergency numbers.
    /// </summary>
    private static Outgoing Unreachable(string title, IReadOnlyList<string> lines, DispatcherProfile? pool, bool offerLeaveMessage)
    {
        var body = new List<string>(lines);
        if (pool is not null)
        {
            body.Add(BotText.Format("PoolHours", pool.Name, pool.Schedule.DescribeWeeklyHours()));
        }
        if (offerLeaveMessage)
        {
            body.Add(BotText.Get("LeaveMessageOffer"));
        }
        body.Add(BotText.Get("EmergencyShort"));
        List<Choice> buttons = offerLeaveMessage ? [new(BotText.Get("LeaveMessageButton"), PostbackData: LeaveMessage)] : [];
        buttons.Add(new(BotText.Get("MenuPhone"), BotText.Get("MenuPhone"), PhonesPostback));
        buttons.Add(new(BotText.Get("MenuEmergency"), BotText.Get("MenuEmergency"), EmergencyPostback));
        var text = string.Join("\n", body);
        return new Outgoing(title + "\n" + text, Menu, new Card(title, text, buttons));
    }

    /// <summary>The area prompt, with examples from the program in use: two of its tenants' first area names
    /// (two areas of the one tenant when it has only one).</summary>
    public static string AskArea(ProgramConfiguration program)
    {
        var names = program.Tenants.Count > 1 ? program.Tenants.Select(t => t.Areas[0]) : program.Tenants.SelectMany(t => t.Areas);
        var examples = names.Select(a => a.Name).Distinct().Take(2).ToList();
        return examples.Count == 0
            ? BotText.Get("AskArea")
            : BotText.Get("AskArea") + BotText.Format("AskArea.Examples", string.Join("、", examples));
    }

    /// <summary>The case went to the nurse pool: named as the program names it.</summary>
    public static string PoolConnecting(string poolName) => BotText.Format("PoolConnecting", poolName);

    /// <summary>Connected: "助産師とつながりました", by the role of whoever took it.</summary>
    public static string Connected(StaffRole? role) => BotText.Format("Connected", RoleLabel(role ?? StaffRole.Counselor));

    /// <summary>A progress note while she waits (an offer came back), with her place when others are ahead.</summary>
    public static string StillLooking(int position) =>
        BotText.Get("StillLooking") + (position > 1 ? "\n" + BotText.Format("QueuePosition", position) : "");

    /// <summary>相談員 / 助産師 / 看護師 / 保健師, from the roster.</summary>
    public static string RoleLabel(StaffRole role) => BotText.Get("Role." + role);

    /// <summary>
    /// How a staff member is addressed: her role from the roster and her name, 「助産師のはるかさん」. A title
    /// already written in front of the name in the roster (「相談員 ゆず」) is not said twice.
    /// </summary>
    public static string StaffName(StaffMember member)
    {
        var name = member.DisplayName.Trim();
        foreach (var role in Enum.GetValues<StaffRole>())
        {
            var label = RoleLabel(role);
            if (name.StartsWith(label, StringComparison.Ordinal) && name.Length > label.Length && name[label.Length] is ' ' or '　')
            {
                name = name[label.Length..].Trim();
                break;
            }
        }
        return BotText.Format("Staff.Name", RoleLabel(member.Role), name);
    }

    /// <summary>The answer to her enrollment, greeting her by her role.</summary>
    public static string Enrolled(StaffMember member) => BotText.Format("Staff.Enrolled", StaffName(member));

    /// <summary>
    /// The answer to 出勤 / 休憩 / 退勤. On 出勤 she is greeted and told whether her area is open (until when:
    /// her shift ends by itself then) or closed (and when it opens).
    /// </summary>
    public static string PresenceSet(StaffMember? member, Presence presence, DispatcherProfile? home, DateTimeOffset now)
    {
        var label = BotText.Get(presence switch
        {
            Presence.Available => "Staff.Available",
            Presence.Away => "Staff.Away",
            _ => "Staff.OffShift",
        });
        var text = BotText.Format("Staff.PresenceSet", label);
        if (presence != Presence.Available || member is null || home is null)
        {
            return text;
        }
        var schedule = home.Schedule;
        var hours = schedule.IsOpen(now)
            ? BotText.Format("Staff.OnShiftOpen", home.Name, ScheduleText.OpenUntil(schedule.CurrentWindowEnd(now)!.Value))
            : BotText.Format("Staff.OnShiftClosed", home.Name, ScheduleText.NextOpening(schedule.NextOpening(now)));
        return BotText.Format("Staff.Hello", StaffName(member)) + "\n" + text + "\n" + hours;
    }

    /// <summary>Her shift ended with her area's closing; open cases stay hers.</summary>
    public static string AutoOffShift(string areaName, IReadOnlyList<string> openCaseTags) =>
        BotText.Format("Staff.AutoOffShift", areaName)
        + (openCaseTags.Count > 0 ? "\n" + BotText.Format("Staff.KeepCases", string.Join(" ", openCaseTags)) : "");

    /// <summary>A supervisor ended her shift from the console (a forgotten 退勤); open cases stay hers.</summary>
    public static string OffShiftBySupervisor(IReadOnlyList<string> openCaseTags) =>
        BotText.Get("Staff.OffShiftBySupervisor")
        + (openCaseTags.Count > 0 ? "\n" + BotText.Format("Staff.KeepCases", string.Join(" ", openCaseTags)) : "");

    /// <summary>
    /// The offer card: the title once (bubble header; the notification reads title + body), where the case is
    /// from, how long she has waited, what she wrote (nothing in brackets when she wrote nothing), the deadline.
    /// </summary>
    public static Outgoing OfferCard(Offer offer, DateTimeOffset now)
    {
        var tag = CaseIds.Tag(offer.CaseId);
        var waited = (int)Math.Max(0, (now - offer.WaitingSince).TotalMinutes);
        var body = BotText.Format("Staff.Offer", tag, offer.AreaName, waited, OfferPreview(offer.Preview))
            + "\n" + BotText.Format("Staff.OfferDeadline", Duration(offer.Deadline - now));
        var title = BotText.Get(offer.Urgent ? "Staff.OfferUrgentTitle" : "Staff.OfferTitle");
        return new Outgoing(title + "\n" + body, null, new Card(title, body,
        [
            new(BotText.Get("Staff.Accept"), $"{BotText.Get("Staff.Accept")} {tag}", OfferAcceptPrefix + offer.CaseId),
            new(BotText.Get("Staff.Decline"), $"{BotText.Get("Staff.Decline")} {tag}", OfferDeclinePrefix + offer.CaseId),
        ], offer.Urgent));
    }

    /// <summary>What she wrote so far, quoted and clipped; a plain note when there is nothing to quote.</summary>
    public static string OfferPreview(string? text)
    {
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return BotText.Get("Staff.NoPreview");
        }
        return "「" + (trimmed.Length <= 60 ? trimmed : trimmed[..59] + "…") + "」";
    }

    /// <summary>A span as people read a deadline: minutes, rounded to the nearest; seconds only under a minute.</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = Math.Max(1, (int)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero));
        return seconds < 60
            ? BotText.Format("Duration.Seconds", seconds)
            : BotText.Format("Duration.Minutes", (int)Math.Round(seconds / 60.0, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// Why an offer she held came back to the dispatcher and where the case went: told truthfully (to another
    /// counselor, to the pool, back to the queue with when she hears of it again).
    /// </summary>
    public static string OfferReturned(string tag, OfferReturn why, OfferOutcome outcome, string? poolName, TimeSpan pause)
    {
        var where = outcome switch
        {
            OfferOutcome.Next => BotText.Get("Staff.Outcome.Next"),
            OfferOutcome.Pool => BotText.Format("Staff.Outcome.Pool", poolName ?? BotText.Get("Staff.Outcome.PoolUnnamed")),
            OfferOutcome.Queue when why == OfferReturn.Lapsed => BotText.Format("Staff.Outcome.QueueRetry", Duration(pause)),
            OfferOutcome.Queue => BotText.Get("Staff.Outcome.Queue"),
            OfferOutcome.Again => BotText.Get("Staff.Outcome.Again"),
            _ => BotText.Get("Staff.Outcome.Unanswered"),
        };
        return why switch
        {
            OfferReturn.Lapsed => BotText.Format("Staff.OfferLapsed", tag, where),
            OfferReturn.Roster => BotText.Format("Staff.OfferRoster", tag),
            OfferReturn.Withdrawn => BotText.Format("Staff.OfferCancelled", tag),
            _ => BotText.Format("Staff.OfferReturned", tag, where),
        };
    }

    public static Outgoing Survey(string caseId) =>
        new(BotText.Get("SatisfactionQuestion"),
            Enumerable.Range(1, 5).Select(n => new Choice(n.ToString(System.Globalization.CultureInfo.InvariantCulture), PostbackData: $"{SurveyPrefix}{caseId}:{n}")).ToList());

    /// <summary>Staff quick replies: presence, case list, and a switch item per open case.</summary>
    public static IReadOnlyList<Choice> StaffMenu(IEnumerable<(string CaseId, string Tag)> cases) =>
    [
        .. cases.Take(8).Select(c => new Choice(c.Tag, c.Tag, SwitchPrefix + c.CaseId)),
        new(BotText.Get("Staff.Available")),
        new(BotText.Get("Staff.Away")),
        new(BotText.Get("Staff.OffShift")),
        new("/一覧"),
        new("/終了"),
    ];
}
