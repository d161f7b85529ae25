using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Line.Sending;
using OrleansConsult.Tests.Conversation;

namespace OrleansConsult.Tests;

/// <summary>One in-process test cluster shared by the grain tests, on a clock the tests move.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 24, 0, 0, 0, TimeSpan.Zero));

    /// <summary>What the grains sent to LINE users.</summary>
    public static readonly RecordingOutbound Outbound = new();

    public static readonly MemoryTranscriptStore Transcripts = new();

    public static readonly MemoryPendingWorkRegistry PendingWork = new();

    public static readonly MemoryStaffInvitationStore Invitations = new();
    public static readonly MemoryCaseIndex CaseIndex = new();

    public static readonly MemoryErasureStore Erasures = new();

    /// <summary>The case records the grains write (LINE's /記録 and /紹介 among them).</summary>
    public static readonly MemoryCaseRecordStore CaseRecords = new();

    public TestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.GrainFactory;

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
            AddEngineDoubles(silo.Services, Clock, Outbound, Transcripts, Invitations, caseIndex: CaseIndex, erasures: Erasures);
            silo.Services.AddSingleton<OrleansConsult.Abstractions.Records.ICaseRecordStore>(CaseRecords);
        }
    }

    /// <summary>
    /// What the conversation engine needs besides storage, as the grain tests give it: consultation time
    /// and reply-token age on the test's clock (Orleans itself stays on real time), recorded LINE sends,
    /// transcripts, invitations, the case index and erasure records in memory, the test program. Its codes
    /// stand for the samples' and enroll as in Development unless <paramref name="acceptProgramFileCodes"/> is
    /// false (any other environment).
    /// </summary>
    public static void AddEngineDoubles(IServiceCollection services, FakeTimeProvider clock, RecordingOutbound outbound, ITranscriptStore transcripts,
        IStaffInvitationStore? invitations = null, bool acceptProgramFileCodes = true, ICaseIndex? caseIndex = null, IErasureStore? erasures = null)
    {
        services.AddSingleton(invitations ?? new MemoryStaffInvitationStore());
        services.AddSingleton(new EnrollmentPolicy(acceptProgramFileCodes));
        services.AddSingleton(caseIndex ?? new MemoryCaseIndex());
        services.AddSingleton(erasures ?? new MemoryErasureStore());
        services.AddSingleton(new LineTime(clock));
        services.AddSingleton(new EventWorkSlots(EventWorkSlots.DefaultSize));
        services.AddSingleton(new EngineClock(clock));
        services.AddSingleton<ILineOutbound>(outbound);
        services.AddSingleton(transcripts);
        services.AddSingleton<IPendingWorkRegistry>(PendingWork);
        services.AddSingleton<IDispatcherQueueStore>(sp => new MemoryDispatcherQueueStore(sp.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId));
        services.AddSingleton(new ProgramDirectory(TestProgram.Build()));
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
