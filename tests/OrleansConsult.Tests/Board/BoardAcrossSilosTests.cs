using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Board;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests.Board;

/// <summary>
/// Two silos: the board is read on one (the viewer's pod) while the dispatcher lives on the other, and a
/// change reaches the viewer's watch through grain calls alone.
/// </summary>
public sealed class BoardAcrossSilosTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = TwoSiloEngine<BoardAcrossSilosTests>.Clock;
    private static readonly RecordingOutbound Outbound = TwoSiloEngine<BoardAcrossSilosTests>.Outbound;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TwoSiloEngine<BoardAcrossSilosTests>.StartAsync();

    public async Task DisposeAsync() => await _cluster.StopAllSilosAsync();

    [Fact]
    public async Task A_viewer_on_one_silo_sees_a_change_of_a_dispatcher_on_the_other()
    {
        var primary = (InProcessSiloHandle)_cluster.Primary;
        var secondary = _cluster.SecondarySilos[0];
        Scenario s;
        do
        {
            s = new Scenario(_cluster.GrainFactory, Outbound, Clock);
        }
        while ((await s.LocalDispatcher.GetSnapshotAsync()).Silo != secondary.SiloAddress.ToString());
        s.MoveTo(DayOfWeek.Thursday, 10);
        await s.OnShiftAsync("c1");

        // The viewer's pod: a feed made on the primary silo, with that silo's own grain factory.
        var feed = new BoardFeed(primary.ServiceProvider.GetRequiredService<IGrainFactory>());
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var watch = feed.WatchAsync([$"tenant:{s.TenantId}"], TimeSpan.FromMilliseconds(50), stop.Token).GetAsyncEnumerator(stop.Token);
        Assert.True(await watch.MoveNextAsync());
        Assert.Empty(watch.Current[0].Cases);
        Assert.Single(watch.Current[0].Staff);

        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        Assert.True(await watch.MoveNextAsync());
        var tag = "#" + (await she.AsConsultee.GetProfileAsync()).OpenCaseId![..4];
        Assert.Equal([tag], watch.Current[0].Cases.Select(c => c.Tag));
        Assert.Equal(secondary.SiloAddress.ToString(), (await s.LocalDispatcher.GetSnapshotAsync()).Silo);
    }
}
