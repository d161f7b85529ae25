using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Grains;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// Two silos with the engine's doubles (memory storage and reminders, the shared test program), for tests
/// where a grain on one silo and its caller on the other matter. Clock and outbound are per test class
/// (<typeparamref name="TTest"/>), so classes running in parallel never move each other's clock.
/// </summary>
public static class TwoSiloEngine<TTest>
{
    public static FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    public static RecordingOutbound Outbound { get; } = new();

    public static async Task<TestCluster> StartAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<Configurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.State);
            silo.UseInMemoryReminderService();
            ClusterFixture.AddEngineDoubles(silo.Services, Clock, Outbound, new MemoryTranscriptStore());
        }
    }
}
