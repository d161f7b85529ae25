using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Conversation;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Programs;

/// <summary>
/// Two silos on one real PostgreSQL program table, each with its own program in use (as each pod has).
/// A roster change saved through the editor on one silo is in use on the other by the time the save
/// returns (an Orleans message to that silo's grain, no file and no version check involved), so a
/// dispatcher on the other silo offers nothing more to the deactivated counselor.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ProgramAcrossSilosTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    private static readonly RecordingOutbound Outbound = new();
    private static string _connectionString = "";
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        _connectionString = await postgres.CreateDatabaseAsync();
        var database = new Database(new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = _connectionString });
        await new SchemaMigrator(database, Microsoft.Extensions.Logging.Abstractions.NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        await new SqlProgramVersionStore(database).AddAsync(new ProgramVersion(1, TestProgram.Json(), "import", Clock.GetUtcNow(), null));

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
            silo.AddMemoryGrainStorage(StorageNames.State);
            silo.UseInMemoryReminderService();
            silo.AddPlacementDirector<SiloTargetPlacementStrategy, SiloTargetPlacementDirector>();
            ClusterFixture.AddEngineDoubles(silo.Services, Clock, Outbound, new MemoryTranscriptStore());
            silo.Services.AddSingleton(new Database(new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = _connectionString }));
            silo.Services.AddSingleton<IProgramVersionStore, SqlProgramVersionStore>();
            silo.Services.AddSingleton<ProgramInUse>();
            silo.Services.AddSingleton<IProgramPublisher, ProgramPublisher>();
            silo.Services.AddSingleton<IProgramChangeAudit, RecordingProgramChangeAudit>();
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<ProgramEditor>();
        }
    }

    private static T On<T>(SiloHandle silo) where T : notnull => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<T>();

    [Fact]
    public async Task A_counselor_deactivated_on_one_silo_gets_no_offer_from_a_dispatcher_on_the_other()
    {
        var secondary = _cluster.SecondarySilos[0];
        Scenario s;
        do
        {
            s = new Scenario(_cluster.GrainFactory, Outbound, Clock);
        }
        while ((await s.LocalDispatcher.GetSnapshotAsync()).Silo != secondary.SiloAddress.ToString());
        s.MoveTo(DayOfWeek.Thursday, 10);
        var deactivated = await s.OnShiftAsync("c1"); // idle longest: the next offer would be hers
        s.Advance(TimeSpan.FromMinutes(1));
        var other = await s.OnShiftAsync("c2");

        // Saved on the primary silo; the dispatcher lives on the secondary.
        var saved = await On<ProgramEditor>(_cluster.Primary).SetStaffActiveAsync(deactivated.CounselorId!, false, new ProgramEditContext("admin@example.jp"));
        Assert.Equal(2, saved.Version);
        // The publisher waits 5 s per silo; the message itself goes on, and loading this test program's hundreds of
        // areas can take longer than that on a loaded machine.
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(On<ProgramInUse>(secondary).Version == 2), TimeSpan.FromSeconds(60)),
            $"the other silo still uses version {On<ProgramInUse>(secondary).Version}");
        Assert.False(On<ProgramDirectory>(secondary).MayTakeOffersFrom(deactivated.CounselorId!, $"tenant:{s.TenantId}"));
        Assert.True(On<ProgramDirectory>(secondary).MayTakeOffersFrom(other.CounselorId!, $"tenant:{s.TenantId}"));
        Assert.Equal(2, (await new SqlProgramVersionStore(On<Database>(secondary)).CurrentAsync())!.Number);

        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await other.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        Assert.Equal(0, deactivated.Count("新しい相談があります"));
    }

    [Fact]
    public async Task Every_active_silo_reports_the_new_version_and_a_late_message_does_not_go_back()
    {
        var editor = On<ProgramEditor>(_cluster.SecondarySilos[0]);
        var saved = await editor.SetStaffActiveAsync("a99-c3", false, new ProgramEditContext("admin@example.jp"));
        var versions = On<IProgramVersionStore>(_cluster.SecondarySilos[0]);
        var version = (await versions.GetAsync(saved.Version!.Value))!;
        Assert.Equal(2, await On<IProgramPublisher>(_cluster.Primary).PublishAsync(version));

        var first = (await versions.GetAsync(1))!;
        var grain = _cluster.GrainFactory.GetGrain<ISiloProgramGrain>(_cluster.Primary.SiloAddress.ToParsableString());
        Assert.Equal(2, await grain.UseAsync(first));
        Assert.False(On<ProgramDirectory>(_cluster.Primary).MayTakeOffersFrom("a99-c3", "tenant:a99"));
    }
}
