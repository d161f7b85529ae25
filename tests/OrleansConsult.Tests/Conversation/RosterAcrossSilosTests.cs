using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// Two silos, each with its own copy of the program (as each pod reads its own). A roster change that
/// reaches every silo stops offers at once from a dispatcher on the other silo, though that dispatcher's
/// state still has her 出勤 from her last report.
/// </summary>
public sealed class RosterAcrossSilosTests : IAsyncLifetime
{
    private static readonly FakeTimeProvider Clock = TwoSiloEngine<RosterAcrossSilosTests>.Clock;
    private static readonly RecordingOutbound Outbound = TwoSiloEngine<RosterAcrossSilosTests>.Outbound;
    private TestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await TwoSiloEngine<RosterAcrossSilosTests>.StartAsync();

    public async Task DisposeAsync() => await _cluster.StopAllSilosAsync();

    [Fact]
    public async Task A_counselor_removed_from_the_roster_gets_no_offer_from_a_dispatcher_on_another_silo()
    {
        var secondary = _cluster.SecondarySilos[0];
        Scenario s;
        do
        {
            s = new Scenario(_cluster.GrainFactory, Outbound, Clock);
        }
        while ((await s.LocalDispatcher.GetSnapshotAsync()).Silo != secondary.SiloAddress.ToString());
        s.MoveTo(DayOfWeek.Thursday, 10);
        var removed = await s.OnShiftAsync("c1"); // idle longest: the next offer would be hers
        s.Advance(TimeSpan.FromMinutes(1));
        var other = await s.OnShiftAsync("c2");
        Assert.Contains((await s.LocalDispatcher.GetSnapshotAsync()).Counselors, c => c.CounselorId == removed.CounselorId);

        foreach (var silo in _cluster.Silos.Cast<InProcessSiloHandle>())
        {
            var directory = silo.ServiceProvider.GetRequiredService<ProgramDirectory>();
            directory.Use(RosterEdits.Remove(directory.Program, removed.CounselorId!));
        }

        var she = await s.ReadyConsulteeAsync();
        await she.SayAsync("相談する");
        await other.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        Assert.Equal(0, removed.Count("新しい相談があります"));
    }
}
