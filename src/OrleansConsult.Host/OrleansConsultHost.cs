using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Dashboard;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Grains.Programs;
using OrleansConsult.Line;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Line.Sending;
using OrleansConsult.OperatorConsole.Hosting;
using Prometheus;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// Builds the one process of the system: an Orleans silo co-hosted with the ASP.NET Core front end.
/// Tests build it in-process through the same methods that Program uses.
/// </summary>
public static class OrleansConsultHost
{
    /// <summary>Entry point: runs the host, or a command (migrate, invite, staff, admin, audit, rekey, outbox release). Returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            if (args.Length > 0 && args[0] == "migrate")
            {
                return await MigrateAsync(args[1..]);
            }
            if (args.Length > 0 && args[0] == "invite")
            {
                return await Commands.InviteCommand.RunAsync(args[1..], Console.Out, Console.Error);
            }
            if (args.Length > 0 && args[0] == "staff")
            {
                return await Commands.StaffCommand.RunAsync(args[1..], Console.Out, Console.Error);
            }
            if (args.Length > 0 && args[0] == "admin")
            {
                return await Commands.AdminCommand.RunAsync(args[1..], Console.Out, Console.Error);
            }
            if (args.Length > 0 && args[0] == "audit")
            {
                return await Commands.AuditCommand.RunAsync(args[1..], Console.Out, Console.Error);
            }
            if (args.Length > 0 && args[0] == "rekey")
            {
                return await HostCommands.RekeyAsync(args[1..]);
            }
            if (args.Length > 1 && args[0] == "outbox" && args[1] == "release")
            {
                return await HostCommands.OutboxReleaseAsync(args[2..]);
            }

            var app = Build(args);
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is StorageConfigurationException or HostConfigurationException or LineConfigurationException or ConsoleConfigurationException)
        {
            await Console.Error.WriteLineAsync($"Configuration error: {ex.Message}");
            return 2;
        }
        catch (ProgramConfigurationException ex)
        {
            foreach (var error in ex.Errors)
            {
                await Console.Error.WriteLineAsync($"Configuration error: {error}");
            }
            return 2;
        }
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        ConfigureServices(builder);

        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    public static void ConfigureServices(WebApplicationBuilder builder)
    {
        // Read and validate before anything starts: a bad setting stops here with one line.
        var storage = StorageSettings.Load(builder.Configuration);
        var cluster = ClusterSettings.Load(builder.Configuration);
        var (program, import) = StartingProgram.Load(builder.Configuration, builder.Environment.ContentRootPath, storage);
        var line = LineSettings.Load(builder.Configuration);
        var protector = KeyRing.Load(builder.Configuration[KeyRing.Setting], storage);
        var management = ManagementPort.Load(builder.Configuration);
        var tls = SiloTls.Load(builder.Configuration, TimeProvider.System);
        management.Listen(builder.WebHost);

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddHostedService<MetricsStartup>();
        // SIGTERM: give the silo time to leave the cluster and hand over its grains, inside
        // the pod's terminationGracePeriodSeconds (60 s in k8s/base).
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(45));
        builder.Services.AddSingleton(storage);
        builder.Services.AddSingleton(management);
        builder.Services.AddSingleton(program);
        builder.Services.AddSingleton(line);
        builder.Services.AddWebhookAdmission(line.Webhook);
        builder.Services.AddSingleton(protector);
        builder.Services.AddSingleton<Database>();
        builder.Services.AddSingleton<SchemaMigrator>();
        builder.Services.AddSingleton<WebhookIngress>();
        builder.Services.AddSingleton<LinePseudonyms>();

        // The conversation engine's ports: program directory, encrypted transcripts, outbound LINE.
        builder.Services.AddSingleton(new ProgramDirectory(program));
        AddProgramVersions(builder.Services, builder.Configuration, import);
        builder.Services.TryAddSingleton(sp => new EngineClock(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(sp => new LineTime(sp.GetRequiredService<TimeProvider>()));
        builder.Services.TryAddSingleton(new EventWorkSlots(EventWorkSlots.DefaultSize));
        builder.Services.AddSingleton<SqlTranscriptStore>();
        builder.Services.AddSingleton<ITranscriptStore>(sp => sp.GetRequiredService<SqlTranscriptStore>());
        builder.Services.AddSingleton<ILineOutbound>(sp => sp.GetRequiredService<ResilientLineSender>());
        AddMedia(builder.Services, line);
        builder.Services.AddLinePlatform();
        // Which LINE users hold accepted work on which silo, and the loop that wakes them when it dies.
        builder.Services.AddSingleton<IPendingWorkRegistry>(sp => new SqlPendingWorkRegistry(
            sp.GetRequiredService<Database>(), sp.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<PendingWorkRecovery>();
        // The dispatchers' queues, one row per waiting case.
        builder.Services.AddSingleton<IDispatcherQueueStore, SqlDispatcherQueueStore>();
        AddEnrollment(builder.Services, builder.Configuration, builder.Environment);

        // Retention and erasure: the case index, erasure records, and the daily purge (once a day for the cluster).
        builder.Services.AddSingleton<SqlCaseIndex>();
        builder.Services.AddSingleton<ICaseIndex>(sp => sp.GetRequiredService<SqlCaseIndex>());
        builder.Services.AddSingleton<SqlCaseRecordStore>();
        builder.Services.AddSingleton<OrleansConsult.Abstractions.Records.ICaseRecordStore>(sp => sp.GetRequiredService<SqlCaseRecordStore>());
        builder.Services.AddSingleton<SqlErasureStore>();
        builder.Services.AddSingleton<IErasureStore>(sp => sp.GetRequiredService<SqlErasureStore>());
        builder.Services.AddSingleton<SqlDailyJob>();
        builder.Services.AddSingleton<RetentionMetrics>();
        builder.Services.AddSingleton<RetentionPurge>();
        builder.Services.AddSingleton<RetentionService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionService>());

        // Outbound LINE: client with resilience, reply-token-first sender, and the durable outbox
        // (our SQL store replaces the LINE layer's in-memory default).
        builder.Services.AddSingleton<SqlOutbox>();
        builder.Services.AddSingleton<IOutboxStore, SqlOutboxStore>();
        builder.Services.AddSingleton<IOutboxParkListener, RelayParkedNotices>();
        // Registered first so the schema exists before the outbox drains and the AdoNet providers read their queries.
        builder.Services.AddHostedService<MigrateOnStart>();
        // Next, still ahead of Orleans: the program in use is the newest saved version (the file imported into an empty table).
        builder.Services.AddHostedService<ProgramStartup>();
        // The operator console: its own listener (Console:Port, after the management URLs, on the same hosts),
        // accounts, audit log. After the migration, whose tables its Data Protection key ring reads at start.
        builder.AddOperatorConsole(storage);
        builder.Services.AddLineMessaging(builder.Configuration.GetSection(LineOptions.Section));
        TracingSetup.AddTracing(builder);

        var dashboard = !string.IsNullOrEmpty(builder.Configuration[OperatorAuthentication.PasswordSetting]);
        builder.UseOrleans(silo =>
        {
            ConfigureSilo(silo, storage, cluster, protector);
            if (TracingSetup.IsEnabled(builder.Configuration))
            {
                // Activity.Current goes with every grain call, so a webhook's trace reaches the LINE send. Only
                // with tracing on: the propagation filters otherwise run at every grain call for nobody.
                silo.AddActivityPropagation();
            }
            ConfigureMembership(silo, builder.Configuration);
            ConfigureActivationCollection(silo, builder.Configuration);
            tls?.Apply(silo);
            if (dashboard)
            {
                // The Orleans dashboard (grains, calls, silos, reminders) for operators only; it profiles
                // every grain call, so it is on only where an operator password is configured.
                silo.AddDashboard();
            }
        });
        builder.Services.AddAuthentication(OperatorAuthentication.SchemeName)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, OperatorAuthentication>(OperatorAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(o => o.AddPolicy(OperatorAuthentication.Policy, p => p.RequireRole(OperatorAuthentication.Policy)));

        builder.Services.AddHealthChecks()
            .AddCheck<ReadinessCheck>("ready", tags: ["ready"]);
    }

    /// <summary>
    /// The program at run time: versions in the database, edited through <see cref="ProgramEditor"/>, put in use on every
    /// silo by an Orleans message (<see cref="ProgramPublisher"/>), with a periodic version check as the safety net.
    /// </summary>
    private static void AddProgramVersions(IServiceCollection services, IConfiguration configuration, ProgramImportSource source)
    {
        services.AddSingleton(source);
        services.AddSingleton<ProgramInUse>();
        services.AddSingleton<IProgramVersionStore, SqlProgramVersionStore>();
        services.AddSingleton<IProgramPublisher, ProgramPublisher>();
        services.AddSingleton<ProgramEditor>();
        services.TryAddSingleton<IProgramChangeAudit, LoggedProgramChangeAudit>();
        var interval = configuration.GetValue("Program:VersionCheckInterval", TimeSpan.FromSeconds(5));
        services.AddHostedService(sp => new ProgramVersionCheck(sp.GetRequiredService<IProgramVersionStore>(), sp.GetRequiredService<ProgramInUse>(),
            interval, sp.GetRequiredService<ILogger<ProgramVersionCheck>>()));
    }

    /// <summary>
    /// Pictures, videos, voice messages and files: the sealed media store, the fetcher, 既読 and the
    /// loading animation, and (with Line:PublicBaseUrl) the signed URLs LINE reads them from.
    /// </summary>
    private static void AddMedia(IServiceCollection services, OrleansConsult.Line.LineOptions line)
    {
        services.AddSingleton<SqlMediaStore>();
        services.AddSingleton<IMediaStore>(sp => sp.GetRequiredService<SqlMediaStore>());
        services.AddSingleton<IMediaFetcher, Media.LineMediaFetcher>();
        services.AddSingleton<IChatSignals, Media.LineChatSignals>();
        if (!string.IsNullOrEmpty(line.PublicBaseUrl))
        {
            services.AddSingleton(sp => new Media.MediaUrlSigner(sp.GetRequiredService<PayloadProtector>(), sp.GetRequiredService<TimeProvider>(),
                line.PublicBaseUrl, line.Media.UrlLifetime));
            services.AddSingleton<IMediaLinks, Media.SignedMediaLinks>();
        }
    }

    /// <summary>Staff enrollment: invitations in the database, file codes in Development only.</summary>
    private static void AddEnrollment(IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddSingleton(EnrollmentSettings.Policy(environment));
        services.AddSingleton(EnrollmentSettings.Load(configuration));
        services.AddSingleton<IStaffInvitationStore, SqlStaffInvitationStore>();
        services.AddSingleton<StaffInvitations>();
        services.AddSingleton<StaffBindings>();
        services.AddHostedService<ProgramFileCodesWarning>();
    }

    private static void ConfigureSilo(ISiloBuilder silo, StorageOptions storage, ClusterSettings cluster, PayloadProtector protector)
    {
        var invariant = storage.Invariant();
        var connectionString = storage.EffectiveConnectionString();
        if (storage.Mode == StorageMode.PostgreSql)
        {
            // Npgsql builds one shared data source per connection string on first use. With multiplexing,
            // two Orleans providers racing to build it at silo start could leave the loser blocked
            // forever on an Orleans scheduler thread (seen as a silo that never became ready in the
            // rolling-restart drill). Building it here, before the silo starts, removes the race.
            using var warm = new Npgsql.NpgsqlConnection(connectionString);
        }

        if (storage.Mode == StorageMode.Embedded)
        {
            silo.UseLocalhostClustering(cluster.SiloPort, cluster.GatewayPort, null, cluster.ServiceId, cluster.ClusterId);
        }
        else if (KubernetesPod.IsPresent)
        {
            // Pod name, pod IP, cluster and service ids come from the pod (see k8s/base/deployment.yaml);
            // dead silos' pods are deleted so they cannot come back with stale state.
            silo.UseKubernetesHosting();
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
            });
        }
        else
        {
            silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
            {
                o.ClusterId = cluster.ClusterId;
                o.ServiceId = cluster.ServiceId;
            });
            silo.ConfigureEndpoints(cluster.AdvertisedIP, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
            });
        }

        // Program versions are sent to each silo's own grain (keyed by silo address).
        silo.AddPlacementDirector<SiloTargetPlacementStrategy, SiloTargetPlacementDirector>();
        silo.AddAdoNetGrainStorage(StorageNames.State, o =>
        {
            o.Invariant = invariant;
            o.ConnectionString = connectionString;
        });
        // Grain state holds personal data: sealed with AES-GCM before it is written, bound to its grain.
        silo.Services.AddOptions<Orleans.Configuration.AdoNetGrainStorageOptions>(StorageNames.State)
            .Configure<Orleans.Serialization.Serializer>((o, serializer) =>
                o.GrainStorageSerializer = new EncryptedGrainStorageSerializer(new Orleans.Storage.OrleansGrainStorageSerializer(serializer), protector));
        // Registered after the provider, so this wins; the provider's own start-up registration then
        // resolves the wrapper, which passes it on.
        silo.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(StorageNames.State, (sp, name) =>
        {
            var serviceId = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.ClusterOptions>>().Value.ServiceId;
            var provider = Orleans.Storage.AdoNetGrainStorageFactory.Create(sp, (string)name!);
            return new GrainBoundStorage(provider, serviceId, BatchedStateWrites(sp, storage, serviceId, (string)name!));
        });
        if (storage.Mode == StorageMode.Embedded)
        {
            // The AdoNet reminder provider has no SQLite support in Orleans 10.4: our own table, same file.
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, SqliteReminderTable>();
        }
        else
        {
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = invariant;
                o.ConnectionString = connectionString;
            });
        }
    }

    /// <summary>On PostgreSQL, grain-state writes of many grains share a statement and a commit (issue 14), with the provider's serializer and hashes.</summary>
    private static GrainStateBatchWriter? BatchedStateWrites(IServiceProvider services, StorageOptions storage, string serviceId, string name)
    {
        if (storage.Mode != StorageMode.PostgreSql || !storage.BatchGrainStateWrites)
        {
            return null;
        }
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Orleans.Configuration.AdoNetGrainStorageOptions>>().Get(name);
        return new GrainStateBatchWriter(services.GetRequiredService<Database>().PostgresSource!, serviceId, name, options.GrainStorageSerializer, options.HashPicker);
    }

    /// <summary>
    /// Failure detection tuned for fast recovery: a silo that misses 2 probes of 3 s is suspected
    /// and, with 2 votes, declared dead in roughly 6-10 s instead of Orleans' default ~15-30 s.
    /// Not lower: a long GC pause or a CPU-starved pod must not get a healthy silo killed.
    /// Every value can be overridden under Orleans:Membership (ClusterMembershipOptions names).
    /// </summary>
    private static void ConfigureMembership(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<Orleans.Configuration.ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(3);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(10);
        });
        silo.Services.Configure<Orleans.Configuration.ClusterMembershipOptions>(configuration.GetSection("Orleans:Membership"));
    }

    /// <summary>
    /// Memory of a national account: most consultees write a few times and go quiet. An idle activation
    /// is collected after 10 minutes instead of Orleans' 2 hours (her state is in storage; her next
    /// message activates her again); connected chats stay active through their case's 5-minute reminder.
    /// Under memory pressure (of the container's limit) Orleans deactivates the least recently used
    /// activations first. Every value can be overridden under Orleans:Collection (GrainCollectionOptions names).
    /// </summary>
    private static void ConfigureActivationCollection(ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Configure<Orleans.Configuration.GrainCollectionOptions>(o =>
        {
            o.CollectionAge = TimeSpan.FromMinutes(10);
            o.EnableActivationSheddingOnMemoryPressure = true;
            o.MemoryUsageLimitPercentage = 85;
            o.MemoryUsageTargetPercentage = 75;
        });
        silo.Services.Configure<Orleans.Configuration.GrainCollectionOptions>(configuration.GetSection("Orleans:Collection"));
    }

    public static void MapEndpoints(WebApplication app)
    {
        // The public port: webhooks and health. The management port: metrics and the dashboard.
        ManagementEndpoints.UsePortSeparation(app);
        app.UseRateLimiter();
        // Liveness: the process answers. Nothing else is checked, so a slow database never gets a pod killed.
        app.MapGet("/healthz", () => Results.Text("ok"));
        LineWebhookEndpoint.Map(app);
        app.MapOperatorConsole();
        if (app.Services.GetService<Media.MediaUrlSigner>() is not null)
        {
            Media.MediaEndpoints.Map(app);
        }
        if (!string.IsNullOrEmpty(app.Configuration[OperatorAuthentication.PasswordSetting]))
        {
            app.MapOrleansDashboard("/dashboard").RequireAuthorization(OperatorAuthentication.Policy).RequireManagementPort();
        }
        // Prometheus scrape endpoint: our System.Diagnostics.Metrics meters and Orleans' own.
        // Labels never carry personal data (channel names, tenant ids, status codes only).
        app.MapMetrics("/metrics").RequireManagementPort();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("ready"),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
    }

    /// <summary>The "migrate" command: creates or upgrades the schema of the configured storage, then exits.</summary>
    public static async Task<int> MigrateAsync(string[] args)
    {
        var configuration = new ConfigurationManager();
        configuration.AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args);
        var storage = StorageSettings.Load(configuration);

        using var loggerFactory = LoggerFactory.Create(logging => logging.AddSimpleConsole(o => o.SingleLine = true));
        var migrator = new SchemaMigrator(new Database(storage), loggerFactory.CreateLogger<SchemaMigrator>());
        var result = await migrator.MigrateAsync();
        Console.WriteLine($"migrate: {result.Applied.Count} script(s) applied, {result.AlreadyApplied} already in place ({storage.Mode}).");
        return 0;
    }
}
