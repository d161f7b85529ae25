using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Enrollment;

namespace OrleansConsult.Tests.Conversation;

/// <summary>A silo as the Host runs it outside Development: the program file's codes enroll nobody.</summary>
public sealed class ProductionClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));
    public static readonly RecordingOutbound Outbound = new();
    public static readonly MemoryStaffInvitationStore Invitations = new();

    public TestCluster Cluster { get; private set; } = null!;

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
            ClusterFixture.AddEngineDoubles(silo.Services, Clock, Outbound, new MemoryTranscriptStore(), Invitations, acceptProgramFileCodes: false);
        }
    }
}

public sealed class ProductionEnrollmentTests(ProductionClusterFixture fixture) : IClassFixture<ProductionClusterFixture>
{
    [Fact]
    public async Task Outside_development_the_program_file_codes_are_refused_and_invitations_work()
    {
        var s = new Scenario(fixture.Cluster.GrainFactory, ProductionClusterFixture.Outbound, ProductionClusterFixture.Clock);
        var she = s.Staff("c1");
        await she.SayAsync($"A{s.Area}-C1");
        await she.ExpectAsync("登録コードが正しくないか");
        Assert.Null((await she.AsCounselor.GetSnapshotAsync()).StaffLineKey);

        var invitations = new StaffInvitations(ProductionClusterFixture.Invitations, new ProgramDirectory(TestProgram.Build()),
            new EngineClock(ProductionClusterFixture.Clock), new InvitationOptions(InvitationOptions.DefaultLifetime, null));
        var issued = await invitations.IssueAsync(s.TenantId, she.CounselorId!);
        Assert.Null(issued.Link);
        await she.SayAsync(issued.Code);
        await she.ExpectAsync("相談員1さんとして登録しました");
    }
}
