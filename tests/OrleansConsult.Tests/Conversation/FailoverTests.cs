using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// Two silos on PostgreSQL grain storage and reminders. The silo holding a dispatcher with an
/// outstanding offer and a waiting queue is killed; its deadlines come back from state on the
/// surviving silo: offers still time out, the queue still drains, nothing lost or twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class FailoverTests(PostgresServer postgres) : IAsyncLifetime
{
    private static string _connectionString = "";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    private static readonly RecordingOutbound Outbound = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _connectionString = (await postgres.MigratedDatabaseAsync("postgres", Path.GetTempPath())).Options.ConnectionString!;
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Configurator>();
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.StopAllSilosAsync();

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddAdoNetGrainStorage(StorageNames.State, o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = _connectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = "Npgsql";
                o.ConnectionString = _connectionString;
            });
            ClusterFixture.AddEngineDoubles(silo.Services, Clock, Outbound, new MemoryTranscriptStore());
        }
    }

    [Fact]
    public async Task Killing_the_dispatchers_silo_loses_no_offer_and_no_waiting_case()
    {
        var secondary = _cluster.SecondarySilos[0];
        // An area whose dispatcher lives on the silo we are going to kill.
        Scenario s;
        do
        {
            s = new Scenario(_cluster.GrainFactory, Outbound, Clock);
        }
        while ((await s.LocalDispatcher.GetSnapshotAsync()).Silo != secondary.SiloAddress.ToString());
        s.MoveTo(DayOfWeek.Tuesday, 10);

        var c1 = await s.OnShiftAsync("c1");
        s.Advance(TimeSpan.FromSeconds(1));
        var c2 = await s.OnShiftAsync("c2");
        var consultees = new List<Person>();
        for (var i = 0; i < 3; i++)
        {
            var she = await s.ReadyConsulteeAsync($"k{i}");
            await she.SayAsync("相談する");
            consultees.Add(she);
        }
        await c1.ExpectAsync("新しい相談があります");
        await c2.ExpectAsync("新しい相談があります");
        var before = await s.LocalDispatcher.GetSnapshotAsync();
        Assert.Equal(3, before.Queue.Count);
        Assert.Equal(2, before.OffersByCase.Count); // two outstanding offers, one case waiting

        // A reminder keeps the busy dispatcher alive across silo deaths.
        await using (var connection = new Npgsql.NpgsqlConnection(_connectionString))
        {
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM orleansreminderstable WHERE remindername = 'pump'", connection);
            Assert.True((long)(await command.ExecuteScalarAsync())! >= 1);
        }

        await _cluster.KillSiloAsync(secondary);

        // Nobody answers: the deadlines (stored in the dispatcher's state) still fire on the survivor.
        // The first call may still go to the dead silo and wait out Orleans' 30 s response timeout
        // before the cluster has declared it dead, so the retries get longer than one timeout.
        s.Advance(TimeSpan.FromSeconds(61));
        DispatcherSnapshot after = before;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await s.LocalDispatcher.TickAsync(); // what its timer and its reminder do
            after = await s.LocalDispatcher.GetSnapshotAsync();
            // Done once the dispatcher lives on the survivor and no offer made before the kill is still outstanding.
            return after.Silo != secondary.SiloAddress.ToString()
                && before.OffersByCase.All(o => after.OffersByCase.GetValueOrDefault(o.Key) != o.Value);
        }, TimeSpan.FromSeconds(90)), "the offers outstanding at the kill never timed out on a surviving silo");
        Assert.NotEqual(secondary.SiloAddress.ToString(), after.Silo);
        Assert.Equal(before.Queue.OrderBy(x => x), after.Queue.OrderBy(x => x));
        Assert.All(before.OffersByCase, o => Assert.NotEqual(o.Value, after.OffersByCase.GetValueOrDefault(o.Key)));
        await c1.ExpectAsync("時間切れのため");
        await c2.ExpectAsync("時間切れのため");

        // The queue drains: each counselor takes every new offer that reaches her until all three are connected.
        var handled = new Dictionary<Person, int> { [c1] = 1, [c2] = 1 }; // their first offers timed out
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (consultees.Sum(she => she.Count("相談員とつながりました")) < 3 && DateTime.UtcNow < deadline)
        {
            foreach (var counselor in new[] { c1, c2 })
            {
                var offers = counselor.Count("新しい相談があります");
                if (offers > handled[counselor])
                {
                    handled[counselor] = offers;
                    await counselor.AnswerOfferAsync(accept: true, offerNumber: offers);
                }
            }
            await Task.Delay(100);
        }
        Assert.All(consultees, she => Assert.Equal(1, she.Count("相談員とつながりました")));
        Assert.Empty((await s.LocalDispatcher.GetSnapshotAsync()).Queue);
    }
}
