using Xunit.Abstractions;
using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Orleans.Configuration;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Drills;

/// <summary>
/// Three Host processes on loopback in one PostgreSQL cluster; one is killed or stopped while
/// grains are being written. Bounded in time, loopback only; figures go to the CI log.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloFailureDrills(PostgresServer postgres, ITestOutputHelper output)
{
    private const int Keys = 300;

    [Fact]
    public async Task Sigkill_of_one_silo_loses_nothing_and_its_grains_answer_again()
    {
        var connectionString = await MigratedDatabaseAsync();
        var clusterId = "drill-kill";
        var silos = Enumerable.Range(0, 3).Select(_ => HostProcess.Start(connectionString, clusterId)).ToList();
        try
        {
            foreach (var silo in silos)
            {
                Assert.True(await silo.WaitReadyAsync(TimeSpan.FromSeconds(90)), "a silo did not become ready");
            }
            await using var client = await ClusterClient.ConnectAsync(connectionString, clusterId);
            var keys = Enumerable.Range(0, Keys).Select(i => GrainKeys.LineUser("consultee", $"Ukill{i}")).ToArray();
            var before = await SendToAllAsync(client.Grains, keys, "before", TimeSpan.FromSeconds(60));

            silos[1].Kill();
            var after = await SendToAllAsync(client.Grains, keys, "after", TimeSpan.FromSeconds(90));

            // Exactly once: every event answered 200 is in its user's dedup window once, in the order sent.
            var snapshots = await Task.WhenAll(keys.Select(async k => (Key: k, Snapshot: await client.Grains.GetGrain<IConsulteeGrain>(k).GetSnapshotAsync())));
            var lost = snapshots.Count(s => Sent(s.Key, before, after).Any(id => !s.Snapshot.RecentEventHashes.Contains(id)));
            var duplicated = snapshots.Count(s => s.Snapshot.RecentEventHashes.Count != s.Snapshot.RecentEventHashes.Distinct().Count() || s.Snapshot.EventsAccepted > 2);
            var outOfOrder = snapshots.Count(s => !s.Snapshot.RecentEventHashes.Where(Sent(s.Key, before, after).Contains).SequenceEqual(Sent(s.Key, before, after)));
            var dead = await SilosWithStatusAsync(connectionString, clusterId, 6);

            DrillReport.Write(output, "SIGKILL 1 of 3 silos", [
                ("grains", Keys), ("sent", Keys * 2), ("accepted", before.Succeeded + after.Succeeded),
                ("failed attempts (retried)", after.FailedAttempts), ("lost", lost), ("duplicated", duplicated), ("out of order", outOfOrder),
                ("recovery p50 s", after.P50.TotalSeconds.ToString("F1")), ("recovery max s", after.Max.TotalSeconds.ToString("F1")),
                ("silos marked dead", dead)]);

            Assert.Equal(Keys, after.Succeeded);
            Assert.Equal(0, lost);
            Assert.Equal(0, duplicated);
            Assert.Equal(0, outOfOrder);
            Assert.True(await Eventually.TrueAsync(async () => await SilosWithStatusAsync(connectionString, clusterId, 6) == 1, TimeSpan.FromSeconds(60)));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Sigterm_lets_a_silo_leave_and_nothing_fails_during_a_rolling_restart()
    {
        var connectionString = await MigratedDatabaseAsync();
        var clusterId = "drill-roll";
        var silos = Enumerable.Range(0, 3).Select(_ => HostProcess.Start(connectionString, clusterId)).ToList();
        var stopped = new List<HostProcess>();
        try
        {
            foreach (var silo in silos)
            {
                Assert.True(await silo.WaitReadyAsync(TimeSpan.FromSeconds(90)), "a silo did not become ready");
            }
            await using var client = await ClusterClient.ConnectAsync(connectionString, clusterId);
            var keys = Enumerable.Range(0, 100).Select(i => GrainKeys.LineUser("consultee", $"Uroll{i}")).ToArray();

            // Traffic runs through the whole rolling restart; every call must succeed first time.
            using var stop = new CancellationTokenSource();
            long calls = 0, failures = 0;
            var errors = new ConcurrentBag<string>();
            var traffic = Task.Run(async () =>
            {
                var round = 0;
                while (!stop.IsCancellationRequested)
                {
                    round++;
                    await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 20 }, async (key, _) =>
                    {
                        Interlocked.Increment(ref calls);
                        try
                        {
                            // The webhook path's own retry policy: a stopping silo must cost no failed webhook.
                            var lineEvent = Events.Text($"r{round}", id: $"{key}-r{round}");
                            await OrleansConsult.Host.GrainCallRetry.Pipeline.ExecuteAsync(async _ =>
                                await client.Grains.GetGrain<IConsulteeGrain>(key).AcceptAsync(lineEvent));
                        }
                        catch (Exception ex)
                        {
                            Interlocked.Increment(ref failures);
                            errors.Add(ex.GetType().Name + ": " + ex.Message.Split('\n')[0]);
                        }
                    });
                }
            });

            var shutdownTimes = new List<double>();
            for (var i = 0; i < 3; i++)
            {
                var replacement = HostProcess.Start(connectionString, clusterId);
                Assert.True(await replacement.WaitReadyAsync(TimeSpan.FromSeconds(90)));
                var old = silos[i];
                shutdownTimes.Add((await old.TerminateAsync(TimeSpan.FromSeconds(60))).TotalSeconds);
                stopped.Add(old);
                silos[i] = replacement;
            }
            stop.Cancel();
            await traffic;

            var leftCleanly = await SilosWithStatusAsync(connectionString, clusterId, 6);
            DrillReport.Write(output, "SIGTERM rolling restart of 3 silos", [
                ("calls", calls), ("failed", failures), ("shutdown s", string.Join("/", shutdownTimes.Select(t => t.ToString("F1")))),
                ("silos left as dead", leftCleanly), ("errors", string.Join("; ", errors.Distinct()))]);

            Assert.Equal(0, failures);
            Assert.Equal(3, leftCleanly);
            Assert.All(shutdownTimes, t => Assert.True(t < 45, $"graceful shutdown took {t:F1} s"));
        }
        finally
        {
            foreach (var silo in silos.Concat(stopped))
            {
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Keys whose event was answered without an exception (LINE would have had its 200).</summary>
    private sealed record SendResult(int Succeeded, int FailedAttempts, TimeSpan P50, TimeSpan Max, IReadOnlySet<string> Stored);

    /// <summary>The hashes of the event ids sent to <paramref name="key"/> and answered 200, in the order sent.</summary>
    private static long[] Sent(string key, SendResult before, SendResult after) =>
        [.. new[] { (before, "before"), (after, "after") }.Where(p => p.Item1.Stored.Contains(key)).Select(p => EventIdHash.Of(EventId(key, p.Item2)))];

    private static string EventId(string key, string text) => $"{key}-{text}";

    /// <summary>Sends one logical event to every key, retrying with the same event id (as LINE redelivers) until stored.</summary>
    private static async Task<SendResult> SendToAllAsync(IGrainFactory grains, string[] keys, string text, TimeSpan limit)
    {
        var start = Stopwatch.StartNew();
        var times = new ConcurrentBag<TimeSpan>();
        var stored = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var failed = 0;
        await Parallel.ForEachAsync(keys, new ParallelOptions { MaxDegreeOfParallelism = 30 }, async (key, _) =>
        {
            var lineEvent = Events.Text(text, id: EventId(key, text));
            while (start.Elapsed < limit)
            {
                try
                {
                    await grains.GetGrain<IConsulteeGrain>(key).AcceptAsync(lineEvent);
                    times.Add(start.Elapsed);
                    stored[key] = true;
                    return;
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref failed);
                    await Task.Delay(200);
                }
            }
        });
        var sorted = times.Order().ToList();
        return new SendResult(sorted.Count, failed,
            sorted.Count > 0 ? sorted[sorted.Count / 2] : limit,
            sorted.Count > 0 ? sorted[^1] : limit,
            stored.Keys.ToHashSet(StringComparer.Ordinal));
    }

    private async Task<string> MigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(
            ["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"]));
        return connectionString;
    }

    private static async Task<long> SilosWithStatusAsync(string connectionString, string clusterId, int status)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @d AND Status = @s", connection);
        command.Parameters.AddWithValue("d", clusterId);
        command.Parameters.AddWithValue("s", status);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>An Orleans client of the drill cluster, found through the membership table.</summary>
    private sealed class ClusterClient : IAsyncDisposable
    {
        private readonly IHost _host;

        private ClusterClient(IHost host) => _host = host;

        public IGrainFactory Grains => _host.Services.GetRequiredService<IClusterClient>();

        public static async Task<ClusterClient> ConnectAsync(string connectionString, string clusterId)
        {
            var host = new HostBuilder()
                .UseOrleansClient(client => client
                    .UseAdoNetClustering(o =>
                    {
                        o.Invariant = "Npgsql";
                        o.ConnectionString = connectionString;
                    })
                    .Configure<ClusterOptions>(o =>
                    {
                        o.ClusterId = clusterId;
                        o.ServiceId = clusterId;
                    })
                    .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(5))
                    .Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2)))
                .Build();
            await host.StartAsync();
            return new ClusterClient(host);
        }

        public async ValueTask DisposeAsync()
        {
            await _host.StopAsync();
            _host.Dispose();
        }
    }
}
