using System.Diagnostics;
using System.Globalization;
using OrleansConsult.LineSimulator;
using OrleansConsult.Testing;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Journeys;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Drills;

/// <summary>
/// A connected chat on one Host process, SIGKILLed at the moments that hurt and restarted on the same
/// data, as a container restarts in its pod. Deliveries are counted where LINE receives them (the
/// simulator's delivery log; a push LINE answers 409 for a repeated retry key is not a delivery):
/// right after a consultee message reached the counselor, right after a counselor message reached
/// the consultee (each followed at once by a message from the other side, whose fresh reply token
/// used to carry the repeat past LINE's retry-key check), and in the middle of a burst accepted in one
/// webhook, which must then be worked without any further event.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CrashDeliveryDrill(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 2;
    private const int Burst = 20;
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sigkill_at_any_moment_delivers_every_accepted_message_exactly_once_and_resumes_by_itself()
    {
        await using var stage = await DrillStage.StartAsync(postgres, _folder.Path, "CRASH", counselors: 1, casesEach: 5);
        var users = stage.Users;
        var host = (await stage.StartHostsAsync("drill-crash")).Single();
        try
        {
            var (counselor, she) = await stage.ConnectedChatAsync("Ucrash-staff", "Ucrash");

            var sent = new List<(Phone To, string Text)>();
            var restarts = new List<double>();
            var resumes = new List<double>();
            var pendingAtKill = 0;

            for (var round = 1; round <= Rounds; round++)
            {
                // 1. Right after a consultee message reached the counselor; then the counselor writes at once.
                var toCounselor = $"crash-c{round}";
                await she.SayAsync(toCounselor);
                sent.Add((counselor, toCounselor));
                await WaitForAsync(counselor, toCounselor);
                host = await KillAndRestartAsync(host, restarts);
                var reply = $"crash-s{round}-after";
                await counselor.SayAsync(reply);
                sent.Add((she, reply));

                // 2. Right after a counselor message reached the consultee; then she writes at once.
                var toConsultee = $"crash-s{round}";
                await counselor.SayAsync(toConsultee);
                sent.Add((she, toConsultee));
                await WaitForAsync(she, toConsultee);
                host = await KillAndRestartAsync(host, restarts);
                var answer = $"crash-c{round}-after";
                await she.SayAsync(answer);
                sent.Add((counselor, answer));
            }

            // 3. A burst accepted in one webhook, the process killed as soon as it answered 200; nothing
            //    else arrives afterwards, so only the Host's own recovery can deliver the rest.
            var user = users.User("consultee", "Ucrash");
            var burst = Enumerable.Range(1, Burst).Select(i => $"crash-burst{i:00}").ToList();
            var result = await users.SendBatchAsync("consultee", burst.Select(user.TextEvent).ToList());
            Assert.Equal(200, result.StatusCode);
            host.Kill();
            await Task.Delay(500);
            pendingAtKill = burst.Count(text => DrillStage.Delivered(counselor, text) == 0);
            var restarted = Stopwatch.StartNew();
            host = host.StartAgain();
            Assert.True(await host.WaitReadyAsync(TimeSpan.FromSeconds(90)), "the Host did not come back");
            restarts.Add(restarted.Elapsed.TotalSeconds);
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(burst.All(text => DrillStage.Delivered(counselor, text) > 0)), TimeSpan.FromSeconds(60)),
                $"the burst was not delivered after the restart: {string.Join(", ", burst.Where(text => DrillStage.Delivered(counselor, text) == 0))}");
            resumes.Add(restarted.Elapsed.TotalSeconds);
            sent.AddRange(burst.Select(text => (counselor, text)));

            // Everything settles (outbox retries included), then count at LINE's side.
            await Eventually.TrueAsync(() => Task.FromResult(sent.All(s => DrillStage.Delivered(s.To, s.Text) > 0)), TimeSpan.FromSeconds(60));
            await Task.Delay(TimeSpan.FromSeconds(3));
            var lost = sent.Count(s => DrillStage.Delivered(s.To, s.Text) == 0);
            var duplicated = sent.Sum(s => Math.Max(0, DrillStage.Delivered(s.To, s.Text) - 1));
            var burstOrder = counselor.Inbox.Select(m => m.Text).Where(t => t.Contains("crash-burst", StringComparison.Ordinal))
                .Select(t => t[(t.IndexOf("crash-burst", StringComparison.Ordinal) + "crash-burst".Length)..]).ToList();
            var inOrder = burstOrder.SequenceEqual(burstOrder.Order(StringComparer.Ordinal));

            DrillReport.Write(output, "SIGKILL of a lone Host at the moments that hurt, restarted on the same data (counted at LINE)", [
                ("kills", restarts.Count), ("messages", sent.Count), ("lost", lost), ("duplicated", duplicated),
                ("burst in order", inOrder ? "yes" : "no"), ("burst undelivered at kill", pendingAtKill),
                ("restart to ready max s", restarts.Max().ToString("F1", CultureInfo.InvariantCulture)),
                ("restart to burst delivered s", resumes.Max().ToString("F1", CultureInfo.InvariantCulture))]);
            foreach (var (to, text) in sent.Where(s => DrillStage.Delivered(s.To, s.Text) != 1))
            {
                output.WriteLine($"{text}: " + string.Join(", ", to.Inbox.Where(m => m.Text == text || m.Text.EndsWith(" " + text, StringComparison.Ordinal)).Select(m => $"#{m.Sequence} via {m.Via}")));
            }
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
            Assert.True(inOrder, string.Join(",", burstOrder));
            Assert.True(resumes.Max() - restarts.Max() <= 10, $"accepted work resumed {resumes.Max() - restarts.Max():F1} s after the Host was ready");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static async Task WaitForAsync(Phone phone, string text) =>
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(DrillStage.Delivered(phone, text) > 0), TimeSpan.FromSeconds(30)), $"'{text}' never arrived");

    private static async Task<HostProcess> KillAndRestartAsync(HostProcess host, List<double> restarts)
    {
        var restarted = Stopwatch.StartNew();
        var again = await DrillStage.KillAndRestartAsync(host);
        restarts.Add(restarted.Elapsed.TotalSeconds);
        return again;
    }
}
