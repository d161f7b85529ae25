using OrleansConsult.Testing;
using Xunit.Abstractions;
using System.Collections.Concurrent;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// 50 consultees and 5 counselors at once through the Host and the simulator: every message is
/// relayed exactly once and in order, both ways, while cases, offers and switches interleave.
/// </summary>
public sealed class ManyAtOnceTests(ITestOutputHelper output) : IDisposable
{
    private const int Consultees = 50;
    private const int Counselors = 5;
    private const int MessagesEach = 4;
    private const int RepliesEach = 2;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>One area open around the clock, five counselors with ten slots each.</summary>
    private string WriteProgram() => AllDayProgram.Write(_folder.Path, "ALL", Counselors, casesEach: 10);

    [Fact]
    public async Task Fifty_consultees_and_five_counselors_every_message_once_and_in_order()
    {
        await using var journey = await JourneyHost.StartAsync(new DateOnly(2026, 12, 2), TimeSpan.FromHours(12), programFile: WriteProgram());
        await RunAsync(journey, Consultees, lineFaults: false);
    }

    /// <summary>
    /// LINE misbehaves during the chat: 20% of API calls answer 500, 5% a transient 429, 5% of pushes
    /// deliver and still answer 500, and the API is down for 30 s. Every relayed message still
    /// arrives exactly once (retry keys, the outbox draining after the outage) and in order (a
    /// recipient's later messages queue behind one waiting in the outbox).
    /// </summary>
    [Fact]
    public async Task Line_faults_and_a_30_second_outage_lose_and_duplicate_nothing()
    {
        var settings = HostRunner.Embedded(_folder.Path);
        settings["Line:Resilience:BaseDelay"] = "00:00:00.010";
        settings["Line:Resilience:MaxDelay"] = "00:00:00.100";
        settings["Line:Resilience:MaxRetryAttempts"] = "3";
        settings["Line:Sending:OutboxBaseDelay"] = "00:00:01";
        settings["Line:Sending:OutboxPollInterval"] = "00:00:00.500";
        settings["Line:Sending:OutboxMaxDelay"] = "00:00:05"; // production backs off up to 10 minutes
        await using var journey = await JourneyHost.StartAsync(new DateOnly(2026, 12, 2), TimeSpan.FromHours(12), settings, WriteProgram());
        var stats = await RunAsync(journey, 20, lineFaults: true);
        DrillReport.Write(output, "LINE faults (20% 500, 5% 429, 5% 500-after-delivery, 30 s outage) under chat load", [
            ("relayed expected", stats.Expected), ("delivered once", stats.Once), ("lost", stats.Lost), ("duplicated", stats.Duplicated),
            ("out of order", stats.OutOfOrder), ("injected faults", journey.Simulator.Stats().InjectedFaults),
            ("409 already accepted", journey.Simulator.Stats().Conflicts)]);
        Assert.Equal(0, stats.Lost);
        Assert.Equal(0, stats.Duplicated);
        Assert.Equal(0, stats.OutOfOrder);
        Assert.True(journey.Simulator.Stats().InjectedFaults > 0);
    }

    private sealed record RelayStats(int Expected, int Once, int Lost, int Duplicated, int OutOfOrder);

    private async Task<RelayStats> RunAsync(JourneyHost journey, int consultees, bool lineFaults)
    {
        var staff = await Task.WhenAll(Enumerable.Range(1, Counselors).Select(i => journey.OnShiftAsync($"Ustaff{i}", AllDayProgram.EnrollmentCode("ALL", i))));
        var phones = new List<Phone>();
        foreach (var batch in Enumerable.Range(0, consultees).Chunk(10))
        {
            phones.AddRange(await Task.WhenAll(batch.Select(i => journey.ReadyConsulteeAsync($"Uc{i:00}", AllDayProgram.Area))));
        }
        await Task.WhenAll(phones.Select(p => p.SayAsync("相談する")));

        // Each counselor takes every offer that reaches her phone until all are connected.
        var cases = new ConcurrentDictionary<string, Phone>(); // caseId -> counselor
        await Task.WhenAll(staff.Select(async counselor =>
        {
            var taken = 0;
            while (cases.Count < consultees)
            {
                var offers = counselor.Count("新しい相談があります");
                if (offers > taken)
                {
                    var caseId = await counselor.AnswerOfferAsync(accept: true, offerNumber: ++taken);
                    cases[caseId] = counselor;
                }
                else
                {
                    await Task.Delay(50);
                }
            }
        })).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.Equal(consultees, cases.Count);
        Assert.All(staff, s => Assert.InRange(cases.Values.Count(c => c == s), 1, 10));
        // Connected on her side too before she writes: a message that reaches a case still being
        // connected is shown to the counselor among the "waiting" messages, not relayed on its own.
        await Task.WhenAll(phones.Select(p => p.ExpectAsync("相談員とつながりました")));

        if (lineFaults)
        {
            journey.Simulator.Faults = new OrleansConsult.LineSimulator.FaultSettings
            {
                ServerErrorShare = 0.2, TooManyRequestsShare = 0.05, ServerErrorAfterDeliveryShare = 0.05,
            };
            journey.Simulator.StartOutage(TimeSpan.FromSeconds(30));
        }

        // Consultees write, all at once; each one's messages in order.
        await Task.WhenAll(phones.Select(async (p, i) =>
        {
            for (var m = 1; m <= MessagesEach; m++)
            {
                await p.SayAsync($"c{i:00}-m{m}");
            }
        }));
        // Counselors answer each of their cases after switching to it.
        await Task.WhenAll(staff.Select(async counselor =>
        {
            foreach (var caseId in cases.Where(c => c.Value == counselor).Select(c => c.Key))
            {
                await counselor.TapAsync("switch:" + caseId);
                if (!lineFaults)
                {
                    await counselor.ExpectAsync($"送り先を #{caseId[..4]} に切り替えました");
                }
                for (var r = 1; r <= RepliesEach; r++)
                {
                    await counselor.SayAsync($"r-{caseId}-{r}");
                }
            }
        }));

        var profiles = await Task.WhenAll(phones.Select(p => journey.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(journey.Host.Services, "consultee", p.UserId)).GetProfileAsync()));
        var expected = new List<(Phone To, List<string> Texts, Func<string, bool> Select)>();
        for (var i = 0; i < consultees; i++)
        {
            var caseId = profiles[i].OpenCaseId!;
            var tag = $" c{i:00}-m";
            expected.Add((cases[caseId], Enumerable.Range(1, MessagesEach).Select(m => $"#{caseId[..4]} c{i:00}-m{m}").ToList(),
                t => t.Contains(tag, StringComparison.Ordinal)));
            expected.Add((phones[i], Enumerable.Range(1, RepliesEach).Select(r => $"r-{caseId}-{r}").ToList(),
                t => t.StartsWith("r-", StringComparison.Ordinal)));
        }
        // Everything arrives in the end (after the outage, from the outbox).
        var allArrived = await Eventually.TrueAsync(() => Task.FromResult(expected.All(e =>
            e.Texts.All(text => e.To.Inbox.Any(m => m.Text == text)))), TimeSpan.FromSeconds(lineFaults ? 200 : 30)); // outbox claims of a failed drain expire after 2 minutes
        int once = 0, lost = 0, duplicated = 0, outOfOrder = 0;
        foreach (var (to, texts, select) in expected)
        {
            var got = to.Inbox.Select(x => x.Text).Where(select).ToList();
            foreach (var text in texts)
            {
                var n = got.Count(g => g == text);
                if (n == 0) lost++;
                else if (n > 1) duplicated++;
                else once++;
            }
            if (!got.Distinct().SequenceEqual(texts)) outOfOrder++;
        }
        if (!lineFaults)
        {
            Assert.True(allArrived);
            Assert.Equal(0, outOfOrder);
            Assert.All(journey.Simulator.DeliveriesByRetryKey(), d => Assert.Equal(1, d.Value)); // no retry key delivered twice
        }
        if (!lineFaults)
        {
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
        }
        foreach (var (to, texts, select) in expected.Where(e => e.Texts.Any(t => e.To.Inbox.Count(m => m.Text == t) != 1)))
        {
            output.WriteLine($"{to.UserId}: expected {string.Join(",", texts)}; got {string.Join(",", to.Inbox.Select(x => x.Text).Where(select))}");
        }
        return new RelayStats(expected.Sum(e => e.Texts.Count), once, lost, duplicated, outOfOrder);
    }
}
