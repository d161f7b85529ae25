using System.Collections.Concurrent;
using System.Text;
using OrleansConsult.Abstractions;
using OrleansConsult.Line;
using OrleansConsult.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Hostile and broken requests mixed into real chat traffic: forged signatures, truncated,
/// oversized and garbage bodies, unknown event types. Each gets its own answer; the real
/// conversation is relayed once and in order as if nothing happened.
/// </summary>
public sealed class BadInputDrill(ITestOutputHelper output)
{
    private const string Secret = "dev-consultee-secret";

    [Fact]
    public async Task Bad_requests_under_chat_get_their_status_and_real_traffic_is_unaffected()
    {
        await using var journey = await JourneyHost.StartAsync(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10));
        var counselor = await journey.OnShiftAsync("Ustaff-haruka", "TYM-2W5N-7H4C"); // midwife, three cases
        var consultees = new List<Phone>();
        for (var i = 0; i < 3; i++)
        {
            var she = await journey.ReadyConsulteeAsync($"Ubad{i}", "高岡市");
            await she.SayAsync("相談する");
            await counselor.AnswerOfferAsync(accept: true, offerNumber: i + 1);
            await she.ExpectAsync("助産師とつながりました"); // told by the role of whoever took it
            consultees.Add(she);
        }

        var statuses = new ConcurrentDictionary<string, ConcurrentBag<int>>();
        using var http = new HttpClient { BaseAddress = journey.Host.BaseAddress };
        async Task PostAsync(string kind, byte[] body, string? signature)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/line/webhook/consultee") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/json");
            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation("x-line-signature", signature);
            }
            using var response = await http.SendAsync(request);
            statuses.GetOrAdd(kind, _ => []).Add((int)response.StatusCode);
        }
        string Sign(byte[] body) => LineSignature.Compute(body, Secret);

        var hostile = Task.Run(async () =>
        {
            for (var round = 0; round < 20; round++)
            {
                var valid = Encoding.UTF8.GetBytes($$$"""{"destination":"Ubot","events":[{"type":"message","mode":"active","timestamp":1764550000000,"source":{"type":"user","userId":"Ubad0"},"webhookEventId":"01HOSTILE{{{round:0000}}}","deliveryContext":{"isRedelivery":false},"replyToken":"x","message":{"id":"1","type":"text","text":"偽物"}}]}""");
                await PostAsync("forged signature", valid, Sign(Encoding.UTF8.GetBytes("something else")));
                await PostAsync("no signature", valid, null);
                var truncated = valid[..(valid.Length / 2)];
                await PostAsync("truncated body", truncated, Sign(truncated));
                var garbage = Encoding.UTF8.GetBytes("{\"events\": [ this is not json");
                await PostAsync("garbage JSON", garbage, Sign(garbage));
                var oversized = Encoding.UTF8.GetBytes("{\"events\":[],\"pad\":\"" + new string('x', 1_100_000) + "\"}");
                await PostAsync("oversized body", oversized, Sign(oversized));
                var unknown = Encoding.UTF8.GetBytes($$$"""{"destination":"Ubot","events":[{"type":"somethingNew","mode":"active","timestamp":1764550000000,"source":{"type":"user","userId":"Ubad1"},"webhookEventId":"01UNKNOWN{{{round:0000}}}","deliveryContext":{"isRedelivery":false}}]}""");
                await PostAsync("unknown event type", unknown, Sign(unknown));
            }
        });
        var real = consultees.Select((she, i) => Task.Run(async () =>
        {
            for (var m = 1; m <= 10; m++)
            {
                await she.SayAsync($"bad{i}-m{m}"); // asserts 200
            }
        }));
        await Task.WhenAll(real.Append(hostile));

        int lost = 0, duplicated = 0, outOfOrder = 0;
        for (var i = 0; i < consultees.Count; i++)
        {
            await counselor.ExpectAsync($" bad{i}-m10");
            var numbers = counselor.Inbox.Select(x => x.Text).Where(t => t.Contains($" bad{i}-m", StringComparison.Ordinal))
                .Select(t => int.Parse(t[(t.LastIndexOf('m') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            lost += Enumerable.Range(1, 10).Count(n => !numbers.Contains(n));
            duplicated += numbers.Count - numbers.Distinct().Count();
            outOfOrder += numbers.SequenceEqual(numbers.Order()) ? 0 : 1;
        }
        DrillReport.Write(output, "Bad input mixed into chat traffic", [
            .. statuses.OrderBy(s => s.Key).Select(s => (s.Key, (object)string.Join("/", s.Value.Distinct().Order()))),
            ("real messages", 30), ("lost", lost), ("duplicated", duplicated), ("out of order", outOfOrder)]);

        Assert.All(statuses["forged signature"], s => Assert.Equal(401, s));
        Assert.All(statuses["no signature"], s => Assert.Equal(401, s));
        Assert.All(statuses["truncated body"], s => Assert.Equal(400, s));
        Assert.All(statuses["garbage JSON"], s => Assert.Equal(400, s));
        Assert.All(statuses["oversized body"], s => Assert.Equal(413, s));
        Assert.All(statuses["unknown event type"], s => Assert.Equal(200, s));
        Assert.Equal(0, lost + duplicated + outOfOrder);
        Assert.DoesNotContain(counselor.Inbox, m => m.Text.Contains("偽物", StringComparison.Ordinal)); // forged text never relayed
        var snapshot = await journey.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(journey.Host.Services, "consultee", "Ubad1")).GetSnapshotAsync();
        var unknownIds = EventIdHash.OfAll(Enumerable.Range(0, 20).Select(round => $"01UNKNOWN{round:0000}"));
        Assert.DoesNotContain(snapshot.RecentEventHashes, unknownIds.Contains); // ignored, logged
    }
}
