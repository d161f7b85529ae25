using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Host;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>
/// The real Host (silo + Kestrel on a free loopback port) started in-process, the way Program
/// starts it, with settings layered on top. Stop it to simulate a shutdown; start another
/// with the same settings to simulate a restart.
/// </summary>
public sealed class HostRunner : IAsyncDisposable
{
    private readonly WebApplication _app;
    private bool _stopped;

    private HostRunner(WebApplication app, Uri baseAddress, Uri managementAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        ManagementAddress = managementAddress;
        Http = new HttpClient { BaseAddress = baseAddress };
        Management = new HttpClient { BaseAddress = managementAddress };
    }

    /// <summary>The Tenancy sample (Toyama trial, a designated city, the national nurse pool).</summary>
    public static readonly string SampleProgram = Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json");

    /// <summary>One key ring for every PostgreSQL-mode host of the test run, so restarts read their state.</summary>
    public static readonly string TestKeyRing = OrleansConsult.Storage.PayloadProtector.NewKeyRingEntry("test-1");

    public const string ConsulteeSecret = "test-consultee-secret";
    public const string StaffSecret = "test-staff-secret";

    /// <summary>The public port: webhooks and health.</summary>
    public Uri BaseAddress { get; }
    public HttpClient Http { get; }

    /// <summary>The management port: /metrics and /dashboard.</summary>
    public Uri ManagementAddress { get; }
    public HttpClient Management { get; }
    public IServiceProvider Services => _app.Services;
    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Settings for an embedded-mode host with its own data folder and free silo ports.</summary>
    public static Dictionary<string, string?> Embedded(string dataPath) => new()
    {
        ["Storage:Mode"] = "Embedded",
        ["Storage:DataPath"] = dataPath,
        ["Orleans:SiloPort"] = FreePort.Next().ToString(),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
    };

    /// <summary>Settings for a PostgreSQL-mode silo of cluster <paramref name="clusterId"/>.</summary>
    public static Dictionary<string, string?> Postgres(string connectionString, string clusterId) => new()
    {
        ["Storage:Mode"] = "PostgreSQL",
        ["Storage:ConnectionString"] = connectionString,
        ["Orleans:ClusterId"] = clusterId,
        ["Transcripts:Keys"] = TestKeyRing,
        ["Orleans:ServiceId"] = clusterId,
        ["Orleans:SiloPort"] = FreePort.Next().ToString(),
        ["Orleans:GatewayPort"] = FreePort.Next().ToString(),
    };

    /// <summary>
    /// Starts a host. Development by default: test hosts run the sample program, whose staff enroll with
    /// the sample codes, which only Development accepts (any other environment needs invitations).
    /// </summary>
    public static async Task<HostRunner> StartAsync(IDictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null, string environment = "Development")
    {
        var app = OrleansConsultHost.Build(["--urls", "http://127.0.0.1:0", "--environment", environment], builder =>
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:Orleans"] = "Warning",
                ["Program:File"] = SampleProgram,
                // Every test host its own management port (the default 9090 would clash between hosts).
                ["Management:Port"] = FreePort.Next().ToString(),
                // And its own console port (the default 5100 would clash the same way).
                ["Console:Port"] = FreePort.Next().ToString(),
                ["Line:Channels:consultee:Secret"] = ConsulteeSecret,
                ["Line:Channels:consultee:AccessToken"] = "test-consultee-token",
                ["Line:Channels:consultee:Role"] = "consultee",
                ["Line:Channels:staff:Secret"] = StaffSecret,
                ["Line:Channels:staff:AccessToken"] = "test-staff-token",
                ["Line:Channels:staff:Role"] = "staff",
                // No test host talks to the real LINE: the bot's sends fail fast (connection refused) and go
                // to the outbox, unless a test points Line:ApiBaseUrl at a simulator.
                ["Line:ApiBaseUrl"] = "http://127.0.0.1:9",
                ["Line:DataApiBaseUrl"] = "http://127.0.0.1:9",
                ["Line:Resilience:BaseDelay"] = "00:00:00.005",
                ["Line:Resilience:MaxDelay"] = "00:00:00.020",
                ["Line:Resilience:MaxRetryAttempts"] = "2",
            });
            builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        var management = app.Services.GetRequiredService<ManagementPort>().Port;
        var console = app.Services.GetRequiredService<OrleansConsult.OperatorConsole.Hosting.ConsolePort>().Port;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
        return new HostRunner(app, addresses.First(a => a.Port != management && a.Port != console), addresses.Single(a => a.Port == management));
    }

    public async Task StopAsync()
    {
        if (_stopped)
        {
            return;
        }
        _stopped = true;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _app.StopAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Http.Dispose();
        Management.Dispose();
        await _app.DisposeAsync();
    }
}
