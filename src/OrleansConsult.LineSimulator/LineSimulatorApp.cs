using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;

namespace OrleansConsult.LineSimulator;

/// <summary>
/// Builds the simulator. Standalone: <c>dotnet run --project src/OrleansConsult.LineSimulator -- --urls http://127.0.0.1:5080</c>.
/// In a test: <c>var app = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0"]); await app.StartAsync();
/// var url = LineSimulatorApp.BoundAddress(app); var sim = app.Services.GetRequiredService&lt;LineSimulator&gt;();</c>
/// </summary>
public static class LineSimulatorApp
{
    public static WebApplication Build(string[] args, Action<SimulatorOptions>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });
        var options = new SimulatorOptions();
        builder.Configuration.GetSection(SimulatorOptions.Section).Bind(options);
        configure?.Invoke(options);
        if (options.Channels.Count == 0)
        {
            options.AddDevelopmentChannels();
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<LineSimulator>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddHttpClient(WebhookSender.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(30));
        builder.Services.Configure<JsonOptions>(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, SimulatorJsonContext.Default));

        var app = builder.Build();
        ApiEndpoints.Map(app);
        RichMenuEndpoints.Map(app);
        AdminEndpoints.Map(app);
        return app;
    }

    /// <summary>The first address Kestrel bound (the real port when started on port 0).</summary>
    /// <summary>
    /// What a Host needs to talk to this simulator: the Messaging API base address and every simulated
    /// channel's secret, token and role. <paramref name="separator"/> is ":" for configuration keys
    /// and "__" for environment variables.
    /// </summary>
    public static Dictionary<string, string> HostSettings(WebApplication app, string separator = ":")
    {
        var api = BoundAddress(app).ToString();
        var settings = new Dictionary<string, string>
        {
            [$"Line{separator}ApiBaseUrl"] = api,
            [$"Line{separator}DataApiBaseUrl"] = api,
        };
        foreach (var (name, channel) in app.Services.GetRequiredService<SimulatorOptions>().Channels)
        {
            var prefix = $"Line{separator}Channels{separator}{name}{separator}";
            settings[prefix + "Secret"] = channel.Secret;
            settings[prefix + "AccessToken"] = channel.AccessToken;
            settings[prefix + "Role"] = channel.Role.ToString().ToLowerInvariant();
        }
        return settings;
    }

    public static Uri BoundAddress(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("The simulator is not started");
        return new Uri(first.Replace("://[::]", "://127.0.0.1", StringComparison.Ordinal).Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal));
    }
}
