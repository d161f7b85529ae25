using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.LineSimulator;

namespace OrleansConsult.Line.Tests;

/// <summary>The simulator in-process on 127.0.0.1:0, reached over real HTTP.</summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private SimulatorHost(WebApplication app)
    {
        App = app;
        Url = LineSimulatorApp.BoundAddress(app);
        Simulator = app.Services.GetRequiredService<LineSimulator.LineSimulator>();
        Webhooks = app.Services.GetRequiredService<WebhookSender>();
    }

    public WebApplication App { get; }
    public Uri Url { get; }
    public LineSimulator.LineSimulator Simulator { get; }
    public WebhookSender Webhooks { get; }

    public static async Task<SimulatorHost> StartAsync(Action<SimulatorOptions>? configure = null)
    {
        var app = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], configure);
        await app.StartAsync();
        return new SimulatorHost(app);
    }

    /// <summary>The app-side LINE services (AddLineMessaging) pointed at this simulator, with small retry delays.</summary>
    public ServiceProvider LineServices(TimeProvider? clock = null, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Line:ApiBaseUrl"] = Url.ToString(),
            ["Line:Channels:consultee:Secret"] = "dev-consultee-secret",
            ["Line:Channels:consultee:AccessToken"] = "dev-consultee-token",
            ["Line:Channels:consultee:Role"] = "consultee",
            ["Line:Channels:staff:Secret"] = "dev-staff-secret",
            ["Line:Channels:staff:AccessToken"] = "dev-staff-token",
            ["Line:Channels:staff:Role"] = "staff",
            ["Line:Resilience:BaseDelay"] = "00:00:00.002",
            ["Line:Resilience:MaxDelay"] = "00:00:00.020",
            ["Line:Resilience:MaxRetryAttempts"] = "4",
            ["Line:Sending:OutboxBaseDelay"] = "00:00:05",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }
        services.AddLineMessaging(configuration.GetSection("Line"));
        return services.BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
