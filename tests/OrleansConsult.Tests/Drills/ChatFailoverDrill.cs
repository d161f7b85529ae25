using System.Diagnostics;
using OrleansConsult.LineSimulator;
using OrleansConsult.Testing;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Journeys;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Drills;

/// <summary>
/// Chats on three Host processes in one PostgreSQL cluster, webhooks spread over all of them, LINE
/// played by the simulator. One process is SIGKILLed mid-chat: webhooks that fail are redelivered
/// (to another process, as LINE's load balancer would); every message answered 200 reaches the
/// counselor exactly once and in order, and the figures go to the CI log.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ChatFailoverDrill(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private const int Consultees = 8;
    private const int Counselors = 2;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sigkill_of_one_of_three_silos_mid_chat_relays_every_accepted_message_once()
    {
        await using var stage = await DrillStage.StartAsync(postgres, _folder.Path, "FAIL", Counselors, casesEach: 10);
        var users = stage.Users;
        stage.Environment["Line__Sending__OutboxBaseDelay"] = "00:00:01";
        stage.Environment["Line__Sending__OutboxMaxDelay"] = "00:00:05";
        stage.Environment["Line__Sending__OutboxPollInterval"] = "00:00:00.500";
        var hosts = await stage.StartHostsAsync("drill-chat", count: 3);
        try
        {

            // Set up over the first process: counselors on shift, consultees connected.
            var staff = new List<Phone>();
            for (var c = 1; c <= Counselors; c++)
            {
                var phone = await stage.OnShiftAsync($"Ufail-staff{c}", c);
                staff.Add(phone);
            }
            var consultees = new List<Phone>();
            var counselorOf = new Dictionary<int, Phone>();
            for (var i = 0; i < Consultees; i++)
            {
                var she = await stage.AskingAsync($"Ufail{i}");
                Phone? chosen = null;
                Assert.True(await Eventually.TrueAsync(() =>
                {
                    chosen = staff.FirstOrDefault(c => c.Count("新しい相談があります") > counselorOf.Values.Count(v => v == c));
                    return Task.FromResult(chosen is not null);
                }, TimeSpan.FromSeconds(30)));
                await chosen!.AnswerOfferAsync(accept: true, offerNumber: counselorOf.Values.Count(v => v == chosen) + 1);
                await she.ExpectAsync("相談員とつながりました", seconds: 30);
                counselorOf[i] = chosen;
                consultees.Add(she);
            }

            // Chat over all three processes; the second one is killed 4 s in.
            var stop = new CancellationTokenSource();
            var accepted = new int[Consultees];
            var failedAttempts = 0;
            var recoveries = new List<double>();
            var killed = Task.Run(async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(4));
                hosts[1].Kill();
                stop.CancelAfter(TimeSpan.FromSeconds(16));
            });
            var writers = Enumerable.Range(0, Consultees).Select(i => Task.Run(async () =>
            {
                var user = users.User("consultee", $"Ufail{i}");
                for (var m = 1; !stop.IsCancellationRequested; m++)
                {
                    var lineEvent = user.TextEvent($"fail{i}-m{m}");
                    var started = Stopwatch.GetTimestamp();
                    var attempt = 0;
                    // LINE redelivers what was not answered 200 (here: to the next process in turn).
                    while (!await PostAsync(hosts[(i + m + attempt) % hosts.Count], lineEvent, attempt > 0))
                    {
                        Interlocked.Increment(ref failedAttempts);
                        attempt++;
                        await Task.Delay(200);
                    }
                    if (attempt > 0)
                    {
                        lock (recoveries)
                        {
                            recoveries.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                        }
                    }
                    accepted[i] = m;
                    await Task.Delay(250);
                }
            })).ToList();
            await Task.WhenAll(writers.Append(killed));

            int lost = 0, duplicated = 0, outOfOrder = 0, relayed = 0;
            for (var i = 0; i < Consultees; i++)
            {
                var counselor = counselorOf[i];
                var tag = $" fail{i}-m";
                var last = $"{tag}{accepted[i]}";
                await Eventually.TrueAsync(() => Task.FromResult(counselor.Inbox.Any(x => x.Text.EndsWith(last, StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
                var numbers = counselor.Inbox.Select(x => x.Text).Where(t => t.Contains(tag, StringComparison.Ordinal))
                    .Select(t => int.Parse(t[(t.LastIndexOf('m') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
                relayed += numbers.Distinct().Count();
                lost += Enumerable.Range(1, accepted[i]).Count(n => !numbers.Contains(n));
                duplicated += numbers.Count - numbers.Distinct().Count();
                outOfOrder += numbers.SequenceEqual(numbers.Order()) ? 0 : 1;
            }
            DrillReport.Write(output, "SIGKILL 1 of 3 silos mid-chat (webhooks over all 3, LINE simulated)", [
                ("consultations", Consultees), ("accepted", accepted.Sum()), ("relayed", relayed), ("lost", lost), ("duplicated", duplicated),
                ("out of order", outOfOrder), ("failed attempts (redelivered)", failedAttempts),
                ("recovery max s", recoveries.Count == 0 ? "0" : recoveries.Max().ToString("F1", System.Globalization.CultureInfo.InvariantCulture))]);
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
            Assert.Equal(0, outOfOrder);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }

        async Task<bool> PostAsync(HostProcess host, SimulatedEvent lineEvent, bool redelivery)
        {
            if (host.HasExited)
            {
                return false;
            }
            try
            {
                var result = await users.SendToAsync($"http://127.0.0.1:{host.HttpPort}/line/webhook/consultee", lineEvent, redelivery);
                return result.StatusCode is >= 200 and < 300;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return false;
            }
        }
    }
}
