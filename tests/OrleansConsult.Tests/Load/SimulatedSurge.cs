using OrleansConsult.Load;

namespace OrleansConsult.Tests.Load;

/// <summary>
/// A made-up surge as the LINE side would see it, from a first-in-first-out dispatcher: each case reaches the queue
/// a little after 相談する and hears her true place some time later; each free counselor (the one free longest) is
/// offered the next case; a card takes 0.05–0.5 s to arrive, one in twenty 1–4 s (held behind the counselor's
/// other work); the accept is sent at once and worked 0.01–1.5 s later, which frees her for the next offer. A share
/// of the cards (<c>numbered</c>) carries its offer number, as a pushed card's retry key does.
/// </summary>
public sealed class SimulatedSurge
{
    public required List<SurgeCase> Cases { get; init; }
    public required List<SurgeCard> Cards { get; init; }
    /// <summary>Each case's place in the queue order (0-based): how many were queued before it.</summary>
    public required Dictionary<string, int> QueueRank { get; init; }
    /// <summary>The farthest a first card arrived from its case's place in the offer order.</summary>
    public required int WorstCardDisorder { get; init; }

    public static SimulatedSurge Run(int consultees, int counselors, int seed, double askSeconds = 10, double numbered = 0)
    {
        var rng = new Random(seed);
        var pushed = new Random(seed + 1);
        var t0 = new DateTimeOffset(2026, 11, 30, 14, 39, 0, TimeSpan.Zero);
        var asked = Enumerable.Range(0, consultees).Select(i => t0.AddSeconds(i * askSeconds / consultees)).ToArray();
        var queued = asked.Select(a => a.AddMilliseconds(rng.Next(1, 300))).ToArray();
        var order = Enumerable.Range(0, consultees).OrderBy(i => queued[i]).ThenBy(i => i).ToList();

        var free = Enumerable.Repeat(t0, counselors).ToArray();
        var lastOffer = t0;
        var offerNumber = new long?[consultees];
        var offers = 0L;
        var counselor = new int[consultees];
        var card = new DateTimeOffset[consultees];
        var acceptSent = new DateTimeOffset[consultees];
        var acceptWorked = new DateTimeOffset[consultees];
        var connected = new DateTimeOffset[consultees];
        foreach (var c in order)
        {
            var k = Enumerable.Range(0, counselors).MinBy(i => free[i]);
            var offer = Max(Max(queued[c], free[k]), lastOffer);
            lastOffer = offer;
            offers += 1 + pushed.Next(2); // the dispatcher's sequence also counts enqueues
            offerNumber[c] = pushed.NextDouble() < numbered ? offers : null;
            counselor[c] = k + 1;
            card[c] = offer.AddMilliseconds(rng.Next(20) == 0 ? rng.Next(1_000, 4_000) : rng.Next(50, 500));
            acceptSent[c] = card[c].AddMilliseconds(rng.Next(1, 40));
            acceptWorked[c] = acceptSent[c].AddMilliseconds(rng.Next(10, 1_500));
            connected[c] = acceptWorked[c].AddMilliseconds(rng.Next(10, 300));
            free[k] = acceptWorked[c];
        }

        var rank = new int[consultees];
        for (var r = 0; r < consultees; r++)
        {
            rank[order[r]] = r;
        }
        var cases = Enumerable.Range(0, consultees).Select(c => new SurgeCase(Id(c), asked[c])
        {
            // Her true place: 1 + those queued before her whose accept was not yet worked when she was queued.
            ToldPlace = 1 + order.Take(rank[c]).Count(d => acceptWorked[d] > queued[c]),
            ToldAt = queued[c].AddMilliseconds(rng.Next(5, 2_000)),
            AcceptSentAt = acceptSent[c],
            ConnectedAt = connected[c],
        }).ToList();
        var delivered = Enumerable.Range(0, consultees).OrderBy(c => card[c]).ThenBy(c => c).ToList();
        var cards = delivered.Select((c, i) => new SurgeCard(Id(c), counselor[c], i + 1, card[c], offerNumber[c])).ToList();
        return new SimulatedSurge
        {
            Cases = cases,
            Cards = cards,
            QueueRank = Enumerable.Range(0, consultees).ToDictionary(Id, c => rank[c]),
            WorstCardDisorder = delivered.Select((c, i) => Math.Abs(i - rank[c])).Max(),
        };
    }

    private static string Id(int c) => $"case{c:00000}";

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
