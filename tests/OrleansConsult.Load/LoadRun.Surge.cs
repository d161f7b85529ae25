using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Testing;

namespace OrleansConsult.Load;

/// <summary>
/// The surge: N new consultees of one tenant follow, consent, name the area and ask (相談する), their starts
/// spread evenly over the arrival window, while the counselors accept every offer card that reaches them.
/// Measured: the dispatcher's offers/s, the webhook ack, 相談する → offer card. Checked at the LINE side (the
/// simulator's mailboxes, ordered by delivery sequence): every case offered and connected, every consultee told
/// a place, the place true, and no case offered before one that asked well before it.
/// </summary>
public sealed partial class LoadRun
{
    private static readonly TimeSpan OvertakeMargin = TimeSpan.FromSeconds(1);

    private async Task SurgeAsync(List<Person> people)
    {
        _phase = "surge";
        var started = _clock.Elapsed;
        var cpu0 = host.CpuSeconds();
        var surgeAck = new Samples();
        var byCase = new ConcurrentDictionary<string, Person>(StringComparer.Ordinal);
        var accepted = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        var acceptSent = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var taken = OfferCardsSoFar();
        var asking = true;
        if (options.SurgeAsksOnly)
        {
            // Untimed: everyone ready first (50 at a time), so the window holds only the asks.
            await Parallel.ForEachAsync(people, new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (p, _) => p.Ready = await ReadyAsync(p, new Samples()));
            _phase = "surge";
        }

        // Counselors accept as offers come, for the whole surge and until everything asked is connected.
        var accepting = Task.WhenAll(Enumerable.Range(1, options.Counselors).Select(i => AcceptWhileSurgingAsync(i, byCase, accepted, acceptSent, taken, () => asking)));
        var window = TimeSpan.FromSeconds(options.SurgeSeconds);
        var t0 = _clock.Elapsed;
        await Task.WhenAll(people.Select(async p =>
        {
            var at = t0 + window * ((p.Index - 1) / (double)people.Count);
            if (at > _clock.Elapsed)
            {
                await Task.Delay(at - _clock.Elapsed);
            }
            var user = sender.User(Consultee, p.UserId);
            if (!options.SurgeAsksOnly)
            {
                p.Ready = await ReadyAsync(p, surgeAck);
            }
            if (!p.Ready)
            {
                return;
            }
            var e = user.TextEvent("相談する");
            p.CaseId = await CaseIdOfAsync(p, e);
            byCase[p.CaseId] = p;
            p.AskedAt = DateTimeOffset.UtcNow;
            if (await SendAsync([e], surgeAck) != 200)
            {
                byCase.TryRemove(p.CaseId, out _);
                p.Ready = false;
            }
        }));
        var askedBy = _clock.Elapsed;
        asking = false;
        await accepting;
        await Task.WhenAll(people.Where(p => p.Counselor > 0).Select(p => mail.WaitAsync(Consultee, p.UserId, "とつながりました", StepLimit)));
        mail.Collect();
        var phase = PhaseResult(started, cpu0, null); // before the check, whose time is the load generator's

        var result = CheckSurge(people.Where(p => p.CaseId is not null).ToList(), acceptSent);
        Report.Surge = result with
        {
            Consultees = people.Count,
            Ready = people.Count(p => p.Ready),
            Connected = accepted.Count,
            ArrivalSeconds = (askedBy - t0).TotalSeconds,
            Ack = surgeAck.Summary(),
            Phase = phase,
        };
        Report.Connected = accepted.Count;
        Errors.Add("surge: consultee step failed", people.Count(p => !p.Ready));
        Errors.Add("lost case (asked, never connected)", byCase.Count - accepted.Count);
    }

    /// <summary>Follow, consent, area: a new consultee ready to ask.</summary>
    private async Task<bool> ReadyAsync(Person p, Samples ack)
    {
        var user = sender.User(Consultee, p.UserId);
        return await StepAsync(Consultee, p.UserId, user.FollowEvent(), "ご利用の前に", ack)
            && await StepAsync(Consultee, p.UserId, user.PostbackEvent("consent:yes"), "お住まいの都道府県", ack)
            && await StepAsync(Consultee, p.UserId, user.TextEvent(Area), "の相談窓口につながります", ack);
    }

    private async Task AcceptWhileSurgingAsync(int i, ConcurrentDictionary<string, Person> byCase, ConcurrentDictionary<string, int> accepted,
        ConcurrentDictionary<string, DateTimeOffset> acceptSent, int[] taken, Func<bool> asking)
    {
        // Never gives up while consultees are still asking; afterwards, once nothing new reached her for a minute.
        var lastMove = _clock.Elapsed;
        while (asking() || (accepted.Count < byCase.Count && _clock.Elapsed - lastMove < StepLimit))
        {
            if (asking())
            {
                lastMove = _clock.Elapsed;
            }
            var card = await mail.WaitAsync(Staff, CounselorUser(i), IsOffer, RecheckEvery, taken[i] + 1);
            if (card is null)
            {
                continue;
            }
            lastMove = _clock.Elapsed;
            taken[i]++;
            var caseId = OfferAccept().Match(card.Raw) is { Success: true } m ? m.Groups[1].Value : null;
            if (caseId is null || !byCase.TryGetValue(caseId, out var p))
            {
                Errors.Add("surge: offer card for an unknown case");
                continue;
            }
            if (accepted.ContainsKey(caseId))
            {
                Errors.Add("offer repeated for an accepted case");
                continue;
            }
            _routing.Add(card.Time - p.AskedAt);
            acceptSent[caseId] = DateTimeOffset.UtcNow;
            if (await SendAsync([sender.User(Staff, CounselorUser(i)).PostbackEvent("offer:accept:" + caseId)], _setupAck) == 200)
            {
                p.Counselor = i;
                accepted[caseId] = i;
            }
        }
    }

    /// <summary>
    /// The LINE side's view of the queue: offer order is taken from the first offer cards (delivery sequence) for the
    /// rates and the overtaken count; whether each place heard was true is judged by <see cref="SurgePlaceCheck"/>,
    /// which proves its bounds from when things were sent and arrived, not from the cards' arrival order.
    /// </summary>
    private SurgeResult CheckSurge(List<Person> asked, ConcurrentDictionary<string, DateTimeOffset> acceptSent)
    {
        var cards = new List<SurgeCard>();
        var surgeCases = asked.Select(p => p.CaseId!).ToHashSet(StringComparer.Ordinal); // not the warm-up's
        var numbersUpTo = 3L * (asked.Count + options.WarmUp) + 1_000; // the dispatcher numbers each enqueue and each offer
        for (var i = 1; i <= options.Counselors; i++)
        {
            var phone = mail.Inbox(Staff, CounselorUser(i)).Where(IsOffer).ToList();
            var numbers = OfferNumbers.Read(AllDayProgram.CounselorId("LOAD", i), AllDayProgram.DispatcherKey, numbersUpTo, phone.Select(c => c.RetryKey).ToList());
            for (var k = 0; k < phone.Count; k++)
            {
                if (OfferAccept().Match(phone[k].Raw) is { Success: true } m && surgeCases.Contains(m.Groups[1].Value))
                {
                    cards.Add(new SurgeCard(m.Groups[1].Value, i, phone[k].Sequence, phone[k].Time, numbers[k]));
                }
            }
        }
        var firstOffer = cards.GroupBy(c => c.CaseId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.MinBy(c => c.Sequence)!, StringComparer.Ordinal);
        var offered = asked.Where(p => firstOffer.ContainsKey(p.CaseId!)).OrderBy(p => firstOffer[p.CaseId!].Sequence).ToList();
        var seen = new List<SurgeCase>();
        var notTold = 0;
        var placeSaid = 0;
        foreach (var p in asked)
        {
            var inbox = mail.Inbox(Consultee, p.UserId);
            var connected = inbox.FirstOrDefault(m => m.Text.Contains("とつながりました", StringComparison.Ordinal));
            var placed = inbox.FirstOrDefault(m => m.Text.Contains("相談員におつなぎしています", StringComparison.Ordinal));
            var said = placed is null ? null : QueuePlace().Match(placed.Text);
            notTold += placed is null ? 1 : 0;
            placeSaid += said is { Success: true } ? 1 : 0;
            seen.Add(new SurgeCase(p.CaseId!, p.AskedAt)
            {
                ToldPlace = said is null ? null : said.Success ? int.Parse(said.Groups[1].Value, CultureInfo.InvariantCulture) : 1,
                ToldAt = placed?.Time,
                AcceptSentAt = acceptSent.TryGetValue(p.CaseId!, out var a) ? a : null,
                ConnectedAt = connected?.Time,
            });
        }
        var verdict = SurgePlaceCheck.Judge(seen, cards);

        var overtaken = 0;
        var latestAskSoFar = DateTimeOffset.MinValue;
        foreach (var p in offered)
        {
            if (latestAskSoFar > p.AskedAt + OvertakeMargin)
            {
                overtaken++; // someone who sent 相談する more than a second after her was offered first: she reached the queue later (her own events were still being worked); informational, the place check is the queue's rule
            }
            latestAskSoFar = latestAskSoFar > p.AskedAt ? latestAskSoFar : p.AskedAt;
        }
        Errors.Add("surge: consultee never told she is being connected", notTold);
        Errors.Add("surge: place told was untrue", verdict.Untrue);

        var times = offered.Select(p => firstOffer[p.CaseId!].At).Order().ToList();
        var span = times.Count > 1 ? (times[^1] - times[0]).TotalSeconds : 0;
        var peak = 0;
        for (int lo = 0, hi = 0; hi < times.Count; hi++)
        {
            while (times[hi] - times[lo] > TimeSpan.FromSeconds(5))
            {
                lo++;
            }
            peak = Math.Max(peak, hi - lo + 1);
        }
        return new SurgeResult
        {
            Asked = asked.Count,
            Offered = offered.Count,
            OfferSeconds = span,
            OffersPerSecond = span > 0 ? (offered.Count - 1) / span : 0,
            PeakOffersPerSecond = peak / 5.0,
            ToldPlaceSaid = placeSaid,
            ToldPlaceFirst = asked.Count - notTold - placeSaid,
            NotTold = notTold,
            PlaceTrue = verdict.True,
            PlaceUntrue = verdict.Untrue,
            WorstPlaceError = verdict.WorstError,
            PlaceSlackP50 = verdict.SlackP50,
            PlaceSlackMax = verdict.SlackMax,
            CardsNumbered = cards.Count(c => c.OfferNumber is not null),
            Overtaken = overtaken,
        };
    }

    [GeneratedRegex("現在(\\d+)番目にお待ち")]
    private static partial Regex QueuePlace();
}

/// <summary>What the surge measured and what the LINE side saw of the queue.</summary>
public sealed record SurgeResult
{
    public int Consultees { get; init; }
    public int Ready { get; init; }
    public int Asked { get; init; }
    public int Offered { get; init; }
    public int Connected { get; init; }
    public double ArrivalSeconds { get; init; }
    public double OfferSeconds { get; init; }
    public double OffersPerSecond { get; init; }
    public double PeakOffersPerSecond { get; init; }
    public int ToldPlaceSaid { get; init; }
    public int ToldPlaceFirst { get; init; }
    public int NotTold { get; init; }
    public int PlaceTrue { get; init; }
    public int PlaceUntrue { get; init; }
    public int WorstPlaceError { get; init; }
    /// <summary>How many places the LINE side could not tell apart, per consultee (median, largest): a place wrong by more is caught.</summary>
    public int PlaceSlackP50 { get; init; }
    public int PlaceSlackMax { get; init; }
    /// <summary>Offer cards whose offer number LINE saw (pushed, retry key): those order their offers exactly.</summary>
    public int CardsNumbered { get; init; }
    public int Overtaken { get; init; }
    public LatencySummary? Ack { get; init; }
    public PhaseResult? Phase { get; init; }
}
