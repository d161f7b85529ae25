using System.Collections.Concurrent;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// 50 consultees and 5 counselors at once through the Host and the simulator: every message is
/// relayed exactly once and in order, both ways, while cases, offers and switches interleave.
/// </summary>
public sealed class ManyAtOnceTests : IDisposable
{
    private const int Consultees = 50;
    private const int Counselors = 5;
    private const int MessagesEach = 4;
    private const int RepliesEach = 2;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>One area open around the clock, five counselors with ten slots each.</summary>
    private string WriteProgram()
    {
        var counselors = string.Join(",", Enumerable.Range(1, Counselors).Select(i =>
            $$"""
            "all-c{{i}}": { "DisplayName": "相談員{{i}}", "Role": "Counselor", "MaxConcurrentCases": 10, "EnrollmentCode": "ALL-C{{i}}" }
            """));
        var json = $$"""
            { "Program": { "Tenants": { "all": {
                "DisplayName": "全日県", "Kind": "Prefecture", "EntryCode": "PR-ALL",
                "Areas": [ { "Name": "全日県", "Aliases": [] } ],
                "Hours": [ { "Days": [ "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" ], "Start": "00:00", "End": "24:00" } ],
                "ClosedOnPublicHolidays": false, "ClosedYearEnd": false,
                "Phones": [ { "Label": "窓口", "Number": "0120-000-000", "HoursText": "24時間" } ],
                "OfferTimeout": "00:10:00",
                "Counselors": { {{counselors}} } } },
              "NursePools": {} } }
            """;
        var path = Path.Combine(_folder.Path, "program.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public async Task Fifty_consultees_and_five_counselors_every_message_once_and_in_order()
    {
        await using var journey = await JourneyHost.StartAsync(new DateOnly(2026, 12, 2), TimeSpan.FromHours(12), programFile: WriteProgram());
        var staff = await Task.WhenAll(Enumerable.Range(1, Counselors).Select(i => journey.OnShiftAsync($"Ustaff{i}", $"ALL-C{i}")));
        var phones = new List<Phone>();
        foreach (var batch in Enumerable.Range(0, Consultees).Chunk(10))
        {
            phones.AddRange(await Task.WhenAll(batch.Select(i => journey.ReadyConsulteeAsync($"Uc{i:00}", "全日県"))));
        }
        await Task.WhenAll(phones.Select(p => p.SayAsync("相談する")));

        // Each counselor takes every offer that reaches her phone until all 50 are connected.
        var cases = new ConcurrentDictionary<string, Phone>(); // caseId -> counselor
        await Task.WhenAll(staff.Select(async counselor =>
        {
            var taken = 0;
            while (cases.Count < Consultees)
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
        Assert.Equal(Consultees, cases.Count);
        Assert.All(staff, s => Assert.InRange(cases.Values.Count(c => c == s), 1, 10));

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
                await counselor.ExpectAsync($"送り先を #{caseId[..4]} に切り替えました");
                for (var r = 1; r <= RepliesEach; r++)
                {
                    await counselor.SayAsync($"r-{caseId}-{r}");
                }
            }
        }));

        var profiles = await Task.WhenAll(phones.Select(p => journey.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser("consultee", p.UserId)).GetProfileAsync()));
        for (var i = 0; i < Consultees; i++)
        {
            var caseId = profiles[i].OpenCaseId!;
            var counselor = cases[caseId];
            var expectedIn = Enumerable.Range(1, MessagesEach).Select(m => $"#{caseId[..4]} c{i:00}-m{m}").ToList();
            await counselor.ExpectAsync(expectedIn[^1]);
            Assert.Equal(expectedIn, counselor.Inbox.Select(x => x.Text).Where(t => t.Contains($" c{i:00}-m", StringComparison.Ordinal)).ToList());

            var expectedOut = Enumerable.Range(1, RepliesEach).Select(r => $"r-{caseId}-{r}").ToList();
            await phones[i].ExpectAsync(expectedOut[^1]);
            Assert.Equal(expectedOut, phones[i].Inbox.Select(x => x.Text).Where(t => t.StartsWith("r-", StringComparison.Ordinal)).ToList());
        }
        var deliveries = journey.Simulator.DeliveriesByRetryKey();
        Assert.All(deliveries, d => Assert.Equal(1, d.Value)); // no retry key delivered twice
    }
}
