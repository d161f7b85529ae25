using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Npgsql;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// PostgreSQL refuses connections for 30 s while consultees and counselors chat. Webhooks answer
/// 503 and the sender redelivers them the way LINE does (same webhookEventId, isRedelivery); /readyz
/// goes 503; once the database is back every accepted message is relayed exactly once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class DatabaseOutageDrill(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Sakura = "TYM-4K7Q-9M2X";
    private const string Haruka = "TYM-2W5N-7H4C"; // midwife, three cases

    [Fact]
    public async Task Postgres_down_for_30_seconds_under_chat_answers_503_and_loses_nothing()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        var settings = HostRunner.Postgres(connectionString, "dbdown-" + Guid.NewGuid().ToString("N")[..8]);
        settings["Storage:MigrateOnStart"] = "true";
        await using var journey = await JourneyHost.StartAsync(new DateOnly(2026, 12, 1), TimeSpan.FromHours(10), settings);
        var counselors = new[] { await journey.OnShiftAsync("Ustaff-sakura", Sakura), await journey.OnShiftAsync("Ustaff-haruka", Haruka) };
        var consultees = new List<Phone>();
        var cases = new Dictionary<string, Phone>();
        for (var i = 0; i < 5; i++)
        {
            var she = await journey.ReadyConsulteeAsync($"Udb{i}", "富山市");
            await she.SayAsync("相談する");
            // Whoever the dispatcher chose (longest idle with a free slot) takes it.
            Phone? chosen = null;
            Assert.True(await Eventually.TrueAsync(() =>
            {
                chosen = counselors.FirstOrDefault(c => c.Count("新しい相談があります") > cases.Values.Count(v => v == c));
                return Task.FromResult(chosen is not null);
            }, TimeSpan.FromSeconds(15)));
            cases[await chosen!.AnswerOfferAsync(accept: true, offerNumber: cases.Values.Count(v => v == chosen) + 1)] = chosen;
            await she.ExpectAsync(chosen == counselors[0] ? "相談員とつながりました" : "助産師とつながりました");
            consultees.Add(she);
        }

        long sent = 0, unavailable = 0;
        var acceptedAfter = new ConcurrentBag<double>();
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        var readyDuringOutage = HttpStatusCode.OK;

        // Each consultee writes a message every 200 ms; the database goes away 5 s in, for 30 s,
        // and the writers go on for 5 s after it is back.
        var stop = new CancellationTokenSource();
        var down = Task.Run(async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';");
            NpgsqlConnection.ClearAllPools();
            await Task.Delay(TimeSpan.FromSeconds(3));
            readyDuringOutage = (await journey.Host.Http.GetAsync("/readyz")).StatusCode;
            await Task.Delay(TimeSpan.FromSeconds(27));
            await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true;");
            stop.CancelAfter(TimeSpan.FromSeconds(5));
        });
        var accepted = new int[consultees.Count];
        var writers = consultees.Select((she, i) => Task.Run(async () =>
        {
            var user = journey.Users.User("consultee", she.UserId);
            for (var m = 1; !stop.IsCancellationRequested; m++)
            {
                var lineEvent = user.TextEvent($"db{i}-m{m}");
                Interlocked.Increment(ref sent);
                var started = Stopwatch.GetTimestamp();
                var result = await journey.Users.SendAsync(lineEvent);
                while (result.StatusCode != 200)
                {
                    // LINE redelivers a webhook that was not answered 200, with the same event id.
                    Interlocked.Increment(ref unavailable);
                    await Task.Delay(500);
                    result = await journey.Users.RedeliverAsync(lineEvent);
                }
                accepted[i] = m;
                if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(1))
                {
                    acceptedAfter.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
                }
                await Task.Delay(200);
            }
        })).ToList();
        await Task.WhenAll(writers.Append(down));

        // Every accepted message reaches her counselor exactly once, in order.
        int lost = 0, duplicated = 0, outOfOrder = 0, expected = 0;
        var profiles = await Task.WhenAll(consultees.Select(c => journey.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(journey.Host.Services, "consultee", c.UserId)).GetProfileAsync()));
        for (var i = 0; i < consultees.Count; i++)
        {
            var counselor = cases[profiles[i].OpenCaseId!];
            var tag = $" db{i}-m";
            var last = $"{tag}{accepted[i]}";
            await Eventually.TrueAsync(() => Task.FromResult(counselor.Inbox.Any(x => x.Text.EndsWith(last, StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
            var numbers = counselor.Inbox.Select(x => x.Text).Where(t => t.Contains(tag, StringComparison.Ordinal))
                .Select(t => int.Parse(t[(t.LastIndexOf('m') + 1)..], System.Globalization.CultureInfo.InvariantCulture)).ToList();
            expected += accepted[i];
            lost += Enumerable.Range(1, accepted[i]).Count(n => !numbers.Contains(n));
            duplicated += numbers.Count - numbers.Distinct().Count();
            outOfOrder += numbers.SequenceEqual(numbers.Order()) ? 0 : 1;
        }

        DrillReport.Write(output, "PostgreSQL refusing connections for 30 s under chat", [
            ("messages sent", sent), ("503 answers (redelivered)", unavailable), ("relayed", expected - lost),
            ("lost", lost), ("duplicated", duplicated), ("out of order", outOfOrder),
            ("/readyz during outage", (int)readyDuringOutage),
            ("longest wait for 200 s", acceptedAfter.IsEmpty ? 0 : Math.Round(acceptedAfter.Max(), 1))]);
        Assert.True(unavailable > 0, "the outage never reached the webhooks");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, readyDuringOutage);
        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
