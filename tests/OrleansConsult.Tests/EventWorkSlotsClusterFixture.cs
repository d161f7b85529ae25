using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Grains;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests;

/// <summary>
/// One silo with a single event work slot, so a test that takes it holds back all event work on the silo
/// (the shared cluster has 64 slots, and other tests' users need them).
/// </summary>
public sealed class EventWorkSlotsClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    public static readonly RecordingOutbound Outbound = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

    /// <summary>The very instance the silo's LINE user grains enter before working an event.</summary>
    public EventWorkSlots Slots => ((InProcessSiloHandle)Cluster.Primary!).ServiceProvider.GetRequiredService<EventWorkSlots>();

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.StopAllSilosAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.State);
            silo.UseInMemoryReminderService();
            ClusterFixture.AddEngineDoubles(silo.Services, Clock, Outbound, new MemoryTranscriptStore());
            silo.Services.Replace(ServiceDescriptor.Singleton(new EventWorkSlots(1)));
        }
    }
}
