using OrleansConsult.Grains.Conversation;
using OrleansConsult.Load;

namespace OrleansConsult.Tests.Load;

/// <summary>
/// The surge's place check (<see cref="SurgePlaceCheck"/>), without a run: true places pass however late their
/// cards arrive, and wrong places are caught.
/// </summary>
public sealed class SurgePlaceCheckTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 14, 39, 0, TimeSpan.Zero);

    private static DateTimeOffset Ms(double ms) => T0.AddMilliseconds(ms);

    /// <summary>
    /// Two counselors; A, B, C, D asked 1 s apart and heard places 1–4 at once (nobody was accepted yet). A's card
    /// to counselor 1 is held back while counselor 2 takes B, C and D: A's card arrives fourth, three behind her
    /// place, more than the number of counselors.
    /// </summary>
    private static (List<SurgeCase> Cases, List<SurgeCard> Cards) HeldBackCard(int placeOfA)
    {
        var cases = new List<SurgeCase>
        {
            new("A", Ms(0)) { ToldPlace = placeOfA, ToldAt = Ms(200), AcceptSentAt = Ms(9_100), ConnectedAt = Ms(9_500) },
            new("B", Ms(1_000)) { ToldPlace = 2, ToldAt = Ms(1_200), AcceptSentAt = Ms(4_100), ConnectedAt = Ms(4_500) },
            new("C", Ms(2_000)) { ToldPlace = 3, ToldAt = Ms(2_200), AcceptSentAt = Ms(6_100), ConnectedAt = Ms(6_500) },
            new("D", Ms(3_000)) { ToldPlace = 4, ToldAt = Ms(3_200), AcceptSentAt = Ms(8_100), ConnectedAt = Ms(8_500) },
        };
        var cards = new List<SurgeCard>
        {
            new("B", 2, 1, Ms(4_000)),
            new("C", 2, 2, Ms(6_000)),
            new("D", 2, 3, Ms(8_000)),
            new("A", 1, 4, Ms(9_000)),
        };
        return (cases, cards);
    }

    [Fact]
    public void A_card_held_back_behind_more_cards_than_there_are_counselors_leaves_a_true_place_true()
    {
        var (cases, cards) = HeldBackCard(placeOfA: 1);

        var verdict = SurgePlaceCheck.Judge(cases, cards);

        Assert.Equal(4, verdict.True);
        Assert.Equal(0, verdict.Untrue);
    }

    [Fact]
    public void The_place_her_held_back_card_suggests_is_caught_as_untrue()
    {
        // What the old check would have believed: A told the place her card's arrival suggests (fourth).
        var (cases, cards) = HeldBackCard(placeOfA: 4);

        var verdict = SurgePlaceCheck.Judge(cases, cards);

        Assert.Equal(1, verdict.Untrue);
        Assert.Equal(3, verdict.WorstError);
        Assert.Equal(new SurgePlace("A", 4, 0, 0), verdict.Places.Single(p => p.CaseId == "A"));
    }

    [Fact]
    public void A_case_connected_before_she_asked_is_not_counted_ahead_of_her()
    {
        var cases = new List<SurgeCase>
        {
            new("A", Ms(0)) { ToldPlace = 1, ToldAt = Ms(100), AcceptSentAt = Ms(300), ConnectedAt = Ms(500) },
            new("B", Ms(1_000)) { ToldPlace = 1, ToldAt = Ms(1_100), AcceptSentAt = Ms(1_300), ConnectedAt = Ms(1_500) },
        };
        var cards = new List<SurgeCard> { new("A", 1, 1, Ms(200)), new("B", 1, 2, Ms(1_200)) };

        Assert.Equal(0, SurgePlaceCheck.Judge(cases, cards).Untrue);
        // Told 2nd, as if A still waited: A was connected before she asked.
        Assert.Equal(1, SurgePlaceCheck.Judge([cases[0], cases[1] with { ToldPlace = 2 }], cards).Untrue);
    }

    [Fact]
    public void In_a_simulated_surge_with_cards_held_back_every_true_place_is_judged_true()
    {
        var run = SimulatedSurge.Run(consultees: 2_000, counselors: 100, seed: 1);
        Assert.True(run.WorstCardDisorder > 100, $"the run must hold cards back by more than the counselors (was {run.WorstCardDisorder})");

        var verdict = SurgePlaceCheck.Judge(run.Cases, run.Cards);

        Assert.Equal(2_000, verdict.Places.Count);
        Assert.Equal(0, verdict.Untrue);
    }

    [Fact]
    public void In_a_simulated_surge_a_place_one_beyond_its_proven_range_is_caught()
    {
        var run = SimulatedSurge.Run(consultees: 2_000, counselors: 100, seed: 1);
        var bounds = SurgePlaceCheck.Judge(run.Cases, run.Cards).Places.ToDictionary(p => p.CaseId);
        var late = run.Cases[1_500];
        var early = run.Cases.First(c => bounds[c.CaseId].AtLeast > 0);

        var tooHigh = SurgePlaceCheck.Judge(run.Cases.Select(c => c == late ? c with { ToldPlace = bounds[c.CaseId].AtMost + 2 } : c).ToList(), run.Cards);
        var tooLow = SurgePlaceCheck.Judge(run.Cases.Select(c => c == early ? c with { ToldPlace = bounds[c.CaseId].AtLeast } : c).ToList(), run.Cards);

        Assert.Equal((1, 1), (tooHigh.Untrue, tooHigh.WorstError));
        Assert.Equal((1, 1), (tooLow.Untrue, tooLow.WorstError));
    }

    [Fact]
    public void In_a_simulated_surge_places_that_forget_the_accepted_cases_are_caught()
    {
        // A dispatcher bug: her place counts every case queued before her, accepted ones too.
        var run = SimulatedSurge.Run(consultees: 2_000, counselors: 100, seed: 1);
        var forgetful = run.Cases.Select(c => c with { ToldPlace = run.QueueRank[c.CaseId] + 1 }).ToList();

        var verdict = SurgePlaceCheck.Judge(forgetful, run.Cards);

        Assert.True(verdict.Untrue > 1_000, $"untrue {verdict.Untrue}, slack p50 {verdict.SlackP50}");
    }

    [Fact]
    public void Offer_numbers_from_pushed_cards_narrow_the_range_and_keep_true_places_true()
    {
        var run = SimulatedSurge.Run(consultees: 2_000, counselors: 100, seed: 1, numbered: 0.8);
        var windowsOnly = SurgePlaceCheck.Judge(run.Cases, run.Cards.Select(c => c with { OfferNumber = null }).ToList());

        var verdict = SurgePlaceCheck.Judge(run.Cases, run.Cards);

        Assert.Equal(0, verdict.Untrue);
        // What is left is which cases were accepted between her 相談する and her hearing the place.
        Assert.True(verdict.SlackP50 < windowsOnly.SlackP50 && verdict.SlackMax < windowsOnly.SlackMax,
            $"slack p50 / max {verdict.SlackP50} / {verdict.SlackMax} with numbers, {windowsOnly.SlackP50} / {windowsOnly.SlackMax} without");
        var bounds = verdict.Places.ToDictionary(p => p.CaseId);
        var her = run.Cases[1_000];
        var wrong = SurgePlaceCheck.Judge(run.Cases.Select(c => c == her ? c with { ToldPlace = bounds[c.CaseId].AtMost + 2 } : c).ToList(), run.Cards);
        Assert.Equal((1, 1), (wrong.Untrue, wrong.WorstError));
    }

    [Fact]
    public void An_offer_number_is_read_back_from_the_retry_key_the_counselor_grain_pushes_the_card_under()
    {
        var keys = new Guid?[]
        {
            RetryKeys.For("load-c007/offer/tenant:all/1234/0"),
            null, // a card sent as a reply
            RetryKeys.For("load-c007/withdrawn/x/1/0"),
            RetryKeys.For("load-c008/offer/tenant:all/5/0"), // another counselor's
        };

        Assert.Equal([1234L, null, null, null], OfferNumbers.Read("load-c007", "tenant:all", 2_000, keys));
    }
}
