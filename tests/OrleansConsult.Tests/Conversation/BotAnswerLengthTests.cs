using System.Text.RegularExpressions;
using System.Xml.Linq;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// Answers a phone can read: every bot answer to consultees and staff, rendered with the sample program's
/// real values (its phones, hours, FAQ, emergency numbers, staff), fits about one phone screen as plain
/// text (at most 10 lines and 250 characters); anything longer must be a card whose body fits, with the
/// details one tap away.
/// </summary>
public sealed partial class BotAnswerLengthTests(ITestOutputHelper output)
{
    private const int MaxLines = 10;
    private const int MaxCharacters = 250;
    private static readonly DateTimeOffset TuesdayMorning = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(7));
    private static readonly DateTimeOffset TuesdayAtTen = JapaneseCalendar.AtTokyo(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));

    [Fact]
    public void Every_bot_answer_with_the_program_in_use_fits_a_phone_screen_or_is_a_card()
    {
        var program = ProgramConfigurationLoader.FromFile(Path.Combine(RepositoryRoot.Path, "src", "OrleansConsult.Tenancy", "Samples", "program.sample.json"));
        var directory = new ProgramDirectory(program);
        var answers = Render(program, directory).ToList();
        var tooLong = new List<string>();
        foreach (var (name, message) in answers)
        {
            var shown = message.Card is { } card ? card.Body : message.Text;
            var lines = shown.Split('\n').Length;
            output.WriteLine($"{name}: {(message.Card is null ? "text" : "card")}, {lines} lines, {shown.Length} characters");
            if (lines > MaxLines || shown.Length > MaxCharacters)
            {
                tooLong.Add($"{name} ({lines} lines, {shown.Length} characters):\n{shown}");
            }
        }
        Assert.True(answers.Count > 60, $"only {answers.Count} answers rendered");
        Assert.True(tooLong.Count == 0, "longer than a phone screen as plain text:\n\n" + string.Join("\n\n", tooLong));
    }

    private static IEnumerable<(string Name, Outgoing Message)> Render(ProgramConfiguration program, ProgramDirectory directory)
    {
        // Every text of the resources on its own, placeholders filled with a case tag's length.
        foreach (var (key, value) in ResourceTexts())
        {
            var arguments = Enumerable.Range(0, Placeholders(value)).Select(_ => (object)"#K3F2 高岡市").ToArray();
            yield return ("resx " + key, new Outgoing(arguments.Length == 0 ? BotText.Get(key) : BotText.Format(key, arguments)));
        }

        // The consultee's answers built from the program.
        foreach (var (message, i) in Say.Welcome().Select((m, i) => (m, i)))
        {
            yield return ($"Welcome[{i}]", message);
        }
        yield return ("AskConsent", Say.AskConsent());
        yield return ("Emergency", Say.Emergency(program.Crisis));
        yield return ("ConsentThanks+AskArea", new Outgoing(BotText.Get("ConsentThanks") + "\n" + Say.AskArea(program)));
        foreach (var tenant in program.Tenants)
        {
            var pool = directory.PoolFor(tenant.Id);
            yield return ($"Phones {tenant.Id}", Say.Phones(tenant, pool));
            yield return ($"FaqList {tenant.Id}", Say.FaqList(tenant));
            foreach (var faq in tenant.Faq)
            {
                yield return ($"Faq {tenant.Id} {faq.Question}", Say.WithMenu(faq.Answer));
            }
            yield return ($"ConsentThanks+AreaSet {tenant.Id}", Say.WithMenu(BotText.Get("ConsentThanks") + "\n" + BotText.Format("AreaSet", tenant.Areas[0].Name)));
            var local = directory.Dispatcher("tenant:" + tenant.Id);
            var poolProfile = pool is null ? null : directory.Dispatcher("pool:" + pool.Id);
            foreach (var now in new[] { TuesdayMorning, TuesdayAtTen })
            {
                yield return ($"ClosedArea {tenant.Id} {now:HH:mm}", Say.ClosedArea(local, poolProfile, now, offerLeaveMessage: true));
                yield return ($"Unanswered {tenant.Id} {now:HH:mm}", Say.Unanswered(local, poolProfile, now));
                foreach (var member in tenant.Counselors)
                {
                    yield return ($"PresenceSet {member.Id} {now:HH:mm}", new Outgoing(Say.PresenceSet(member, Presence.Available, local, now)));
                }
            }
        }
        yield return ("StillLooking", new Outgoing(Say.StillLooking(7)));
        yield return ("Survey", Say.Survey("01JCASE0000000000000000000"));

        // The staff's answers.
        var tags = Enumerable.Range(0, 8).Select(i => $"#K3F{i}").ToList();
        var preview = new string('あ', 80);
        foreach (var urgent in new[] { false, true })
        {
            var offer = new Offer("01JCASE0000000000000000000", "tenant:toyama", "高岡市", urgent, preview, TuesdayAtTen.AddMinutes(-12), TuesdayAtTen.AddMinutes(1), 1);
            yield return ($"OfferCard urgent={urgent}", Say.OfferCard(offer, TuesdayAtTen));
        }
        yield return ("AutoOffShift", new Outgoing(Say.AutoOffShift("富山県", tags)));
        yield return ("OffShiftBySupervisor", new Outgoing(Say.OffShiftBySupervisor(tags)));
        foreach (var why in Enum.GetValues<OfferReturn>())
        {
            foreach (var outcome in Enum.GetValues<OfferOutcome>())
            {
                yield return ($"OfferReturned {why} {outcome}", new Outgoing(Say.OfferReturned("#K3F2", why, outcome, "全国看護師窓口", TimeSpan.FromMinutes(3))));
            }
        }
        foreach (var member in program.AllStaff)
        {
            yield return ($"Enrolled {member.Id}", new Outgoing(Say.Enrolled(member)));
        }
    }

    private static IEnumerable<(string Key, string Value)> ResourceTexts()
    {
        var resx = XDocument.Load(Path.Combine(RepositoryRoot.Path, "src", "OrleansConsult.Grains", "Texts", "BotTexts.resx"));
        return resx.Root!.Elements("data").Select(d => ((string)d.Attribute("name")!, (string)d.Element("value")!));
    }

    private static int Placeholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();

    [GeneratedRegex(@"\{(\d+)(?:[:,][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();
}
