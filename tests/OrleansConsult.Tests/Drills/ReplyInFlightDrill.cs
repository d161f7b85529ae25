using System.Globalization;
using OrleansConsult.LineSimulator;
using OrleansConsult.Testing;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Journeys;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Drills;

/// <summary>
/// The crash window of a relay sent as a reply: the reply is written (with its token) to the counselor's
/// state, handed to LINE, and the Host is SIGKILLed while LINE holds the request, once before LINE
/// delivered it (the connection dies with the process: nothing arrives) and once after (it arrived, the
/// Host never heard). Restarted on the same data, the Host must finish each exactly once at LINE's side:
/// the same token again (LINE answers "Invalid reply token" for a spent one: then it had arrived).
/// Reply tokens live 5 minutes here (simulator and Host alike) so a slow restart on a loaded machine
/// still tests the retry of the reply, not the push of a token too old to retry.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ReplyInFlightDrill(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_relay_reply_cut_by_a_sigkill_before_or_after_LINE_delivered_it_arrives_exactly_once()
    {
        await using var stage = await DrillStage.StartAsync(postgres, _folder.Path, "INFL", counselors: 1, casesEach: 5);
        var simulator = stage.Simulator;
        simulator.Options.ReplyTokenLifetime = TimeSpan.FromMinutes(5);
        stage.Environment["Line__Sending__ReplyTokenValidity"] = "00:05:00";
        var host = (await stage.StartHostsAsync("drill-inflight")).Single();
        try
        {
            var (counselor, she) = await stage.ConnectedChatAsync("Uinflight-staff", "Uinflight");

            var sent = new List<string>();
            foreach (var afterDelivery in new[] { false, true })
            {
                var moment = afterDelivery ? "after" : "before";
                // She answers the counselor: the relay to the counselor rides the counselor's fresh token.
                await counselor.SayAsync($"inflight-warm-{moment}");
                await she.ExpectAsync($"inflight-warm-{moment}", seconds: 30);
                var held = simulator.RepliesHeld;
                simulator.Faults = new FaultSettings { HoldRepliesMilliseconds = 120_000, HoldRepliesAfterDelivery = afterDelivery, OnlyChannel = "staff" };
                var text = $"inflight-{moment}";
                await she.SayAsync(text);
                sent.Add(text);
                Assert.True(await Eventually.TrueAsync(() => Task.FromResult(simulator.RepliesHeld > held), TimeSpan.FromSeconds(30)),
                    $"the relay of '{text}' never reached LINE as a reply");
                Assert.Equal(afterDelivery ? 1 : 0, DrillStage.Delivered(counselor, text));

                host = await DrillStage.KillAndRestartAsync(host, whileDown: () => simulator.Faults = new FaultSettings());
                Assert.True(await Eventually.TrueAsync(() => Task.FromResult(DrillStage.Delivered(counselor, text) > 0), TimeSpan.FromSeconds(60)),
                    $"'{text}' was lost");
            }

            await Task.Delay(TimeSpan.FromSeconds(3));
            var lost = sent.Count(t => DrillStage.Delivered(counselor, t) == 0);
            var duplicated = sent.Sum(t => Math.Max(0, DrillStage.Delivered(counselor, t) - 1));
            var via = sent.Select(t => $"{t}: " + string.Join("+", counselor.Inbox.Where(m => m.Text.EndsWith(" " + t, StringComparison.Ordinal)).Select(m => m.Via)));
            DrillReport.Write(output, "SIGKILL while LINE holds a relay sent as a reply (before / after delivery), counted at LINE", [
                ("kills", sent.Count), ("lost", lost), ("duplicated", duplicated), ("paths", string.Join("; ", via)),
                ("replies held", simulator.RepliesHeld.ToString(CultureInfo.InvariantCulture))]);
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
