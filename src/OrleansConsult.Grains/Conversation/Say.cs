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

    public static Outgoing ClosedArea(DispatcherProfile profile, DispatcherProfile? pool, DateTimeOffset now, bool offerLeaveMessage)
    {
        var hours = profile.Schedule.DescribeWeeklyHours();
        var next = profile.Schedule.DescribeNextOpening(now);
        var text = BotText.Format("OutOfHours", hours, next);
        if (pool is not null)
        {
            text += "\n" + BotText.Format("PoolHours", pool.Name, pool.Schedule.DescribeWeeklyHours());
        }
        var phones = profile.Phones.Concat(pool?.Phones ?? []).Select(p => $"・{p.Label} {p.Number}（{p.HoursText}）");
        text += "\n" + BotText.Get("PhoneIntro") + "\n" + string.Join("\n", phones);
        text += "\n" + BotText.Get("EmergencyShort");
        if (!offerLeaveMessage)
        {
            return WithMenu(text);
        }
        return new Outgoing(text + "\n\n" + BotText.Get("LeaveMessageOffer"),
            [new(BotText.Get("LeaveMessageButton"), PostbackData: LeaveMessage), .. Menu]);
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
