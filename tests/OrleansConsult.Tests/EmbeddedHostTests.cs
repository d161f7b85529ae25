using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task Health_and_readiness_answer_200()
    {
        using var data = new TempFolder();
        await using var host = await HostRunner.StartAsync(HostRunner.Embedded(data.Path));

        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);
        Assert.True(File.Exists(Path.Combine(data.Path, "orleansconsult.db")));
    }

    [Fact]
    public async Task Idle_activations_are_collected_after_ten_minutes_and_shed_under_memory_pressure_unless_configured()
    {
        using var data = new TempFolder();
        await using (var host = await HostRunner.StartAsync(HostRunner.Embedded(data.Path)))
        {
            var collection = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.GrainCollectionOptions>>().Value;
            Assert.Equal(TimeSpan.FromMinutes(10), collection.CollectionAge);
            Assert.True(collection.EnableActivationSheddingOnMemoryPressure);
            Assert.Equal(85, collection.MemoryUsageLimitPercentage);
        }

        using var other = new TempFolder();
        var settings = HostRunner.Embedded(other.Path);
        settings["Orleans:Collection:CollectionAge"] = "00:30:00";
        settings["Orleans:Collection:EnableActivationSheddingOnMemoryPressure"] = "false";
        await using var tuned = await HostRunner.StartAsync(settings);
        var tunedCollection = tuned.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Orleans.Configuration.GrainCollectionOptions>>().Value;
        Assert.Equal(TimeSpan.FromMinutes(30), tunedCollection.CollectionAge);
        Assert.False(tunedCollection.EnableActivationSheddingOnMemoryPressure);
    }

    [Fact]
    public async Task Metrics_endpoint_exposes_orleans_meters_for_prometheus_on_the_management_port_only()
    {
        using var data = new TempFolder();
        await using var host = await HostRunner.StartAsync(HostRunner.Embedded(data.Path));

        // A request served: its duration is published, the framework's per-request instruments are not.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
        var text = await host.Management.GetStringAsync("/metrics");
        Assert.Contains("microsoft_orleans_orleans_catalog_activations", text);
        Assert.Contains("http_server_request_duration", text);
        Assert.DoesNotContain("kestrel_active_connections", text);
        Assert.DoesNotContain("aspnetcore_routing_match_attempts", text);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_orleans_dashboard_is_for_operators_only()
    {
        using var data = new TempFolder();
        var settings = HostRunner.Embedded(data.Path);
        settings["Operators:Password"] = "test-operator-password";
        await using var host = await HostRunner.StartAsync(settings);

        var anonymous = await host.Management.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.StartsWith("Basic", anonymous.Headers.WwwAuthenticate.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignedInAsync(host, "operator", "guess")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignedInAsync(host, "admin", "test-operator-password")).StatusCode);
        var signedIn = await SignedInAsync(host, "operator", "test-operator-password");
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        // Not on the public port, not even for the right password: as if it did not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await SignedInAsync(host, "operator", "test-operator-password", host.Http)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/dashboard")).StatusCode);
        // The webhook and health endpoints stay open to LINE and the kubelet.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);

        using var other = new TempFolder();
        await using var withoutPassword = await HostRunner.StartAsync(HostRunner.Embedded(other.Path));
        Assert.Equal(HttpStatusCode.NotFound, (await withoutPassword.Management.GetAsync("/dashboard")).StatusCode);
    }

    private static Task<HttpResponseMessage> SignedInAsync(HostRunner host, string user, string password, HttpClient? via = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/"); // HttpClient drops credentials on the redirect from /dashboard
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{password}")));
        return (via ?? host.Management).SendAsync(request);
    }

    [Fact]
    public async Task Grain_state_survives_a_restart()
    {
        using var data = new TempFolder();
        var settings = HostRunner.Embedded(data.Path);
        var key = GrainKeys.LineUser("consultee", "Urestart");

        await using (var first = await HostRunner.StartAsync(settings))
        {
            var grain = first.Grains.GetGrain<IConsulteeGrain>(key);
            Assert.Equal(AcceptOutcome.Accepted, await grain.AcceptAsync(Events.Text("再起動の前", id: "EV-1")));
        }

        await using var second = await HostRunner.StartAsync(settings);
        var again = second.Grains.GetGrain<IConsulteeGrain>(key);
        var snapshot = await again.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(EventIdHash.OfAll("EV-1"), snapshot.RecentEventHashes);
        // Handled before the stop or after the restart, never left behind.
        Assert.True(await Eventually.TrueAsync(async () => (await again.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(30)),
            "the stored event was never handled");
        // Dedup also survives: LINE's redelivery after the restart has no effect.
        Assert.Equal(AcceptOutcome.Duplicate, await again.AcceptAsync(Events.Text("再起動の前", id: "EV-1")));
    }

    [Fact]
    public async Task Grain_state_is_encrypted_at_rest_with_a_key_file_only_the_owner_reads()
    {
        using var data = new TempFolder();
        await using (var host = await HostRunner.StartAsync(HostRunner.Embedded(data.Path)))
        {
            await host.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser("consultee", "Usecret"))
                .AcceptAsync(Events.Text("誰にも言えない相談", id: "SEC-1"));
        }

        var keyFile = Path.Combine(data.Path, "transcript-keys");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.Path, "orleansconsult.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM oc_grain_state WHERE grain_type LIKE '%consultee%'";
        var payload = (byte[])(await command.ExecuteScalarAsync())!;
        Assert.True(payload.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("言えない")) < 0, "message text stored in clear");
        Assert.True(payload.AsSpan().IndexOf("SEC-1"u8) < 0, "event id stored in clear");
    }

    [Fact]
    public async Task Reminder_survives_a_restart_and_fires()
    {
        using var data = new TempFolder();
        var settings = HostRunner.Embedded(data.Path);

        await using (var first = await HostRunner.StartAsync(settings))
        {
            await first.Grains.GetGrain<IReminderProbeGrain>("embedded").ScheduleAsync(TimeSpan.FromSeconds(6));
        }

        await using var second = await HostRunner.StartAsync(settings);
        var probe = second.Grains.GetGrain<IReminderProbeGrain>("embedded");
        Assert.True(await probe.IsRegisteredAsync());
        Assert.True(await Eventually.TrueAsync(async () => await probe.FiredAsync() > 0, TimeSpan.FromSeconds(60)),
            "the reminder registered before the restart never fired");
    }
}
