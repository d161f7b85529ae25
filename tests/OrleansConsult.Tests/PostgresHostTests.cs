using System.Net;
using Npgsql;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer postgres)
{
    private async Task<string> MigratedDatabaseAsync()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(
            ["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"]));
        return connectionString;
    }

    [Fact]
    public async Task Grain_state_survives_a_restart()
    {
        var settings = HostRunner.Postgres(await MigratedDatabaseAsync(), "restart");
        var key = GrainKeys.LineUser("consultee", "Upg");

        await using (var first = await HostRunner.StartAsync(settings))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.Http.GetAsync("/readyz")).StatusCode);
            await first.Grains.GetGrain<IConsulteeGrain>(key).AcceptAsync(Events.Text("保存", id: "PG-1"));
        }

        await using var second = await HostRunner.StartAsync(settings);
        var grain = second.Grains.GetGrain<IConsulteeGrain>(key);
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(EventIdHash.OfAll("PG-1"), snapshot.RecentEventHashes);
        // Handled before the stop or after the restart, never left behind.
        Assert.True(await Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(30)),
            "the stored event was never handled");
        // The dedup window survived too: LINE's redelivery after the restart has no effect.
        Assert.Equal(AcceptOutcome.Duplicate, await grain.AcceptAsync(Events.Text("保存", id: "PG-1")));
    }

    [Fact]
    public async Task Two_silos_form_one_cluster_and_state_outlives_the_silo_that_wrote_it()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using var a = await HostRunner.StartAsync(HostRunner.Postgres(connectionString, "pair"));
        await using var b = await HostRunner.StartAsync(HostRunner.Postgres(connectionString, "pair"));

        // Both silos are active members of the same cluster, as the membership table says.
        Assert.True(await Eventually.TrueAsync(async () => await ActiveSilosAsync(connectionString, "pair") == 2, TimeSpan.FromSeconds(30)));

        var keys = Enumerable.Range(0, 20).Select(i => GrainKeys.LineUser("consultee", $"U{i}")).ToArray();
        foreach (var key in keys)
        {
            await a.Grains.GetGrain<IConsulteeGrain>(key).AcceptAsync(Events.Text("from A", id: key));
        }

        await a.StopAsync();

        foreach (var key in keys)
        {
            var grain = b.Grains.GetGrain<IConsulteeGrain>(key);
            var snapshot = await grain.GetSnapshotAsync();
            Assert.Equal(1, snapshot.EventsAccepted);
            Assert.Equal(EventIdHash.OfAll(key), snapshot.RecentEventHashes);
            Assert.True(await Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(30)),
                $"the event stored by silo A for {key} was never handled");
        }
        Assert.Equal(1, await ActiveSilosAsync(connectionString, "pair"));
    }

    [Fact]
    public async Task Reminder_survives_a_restart_and_fires()
    {
        var settings = HostRunner.Postgres(await MigratedDatabaseAsync(), "reminders");

        await using (var first = await HostRunner.StartAsync(settings))
        {
            await first.Grains.GetGrain<IReminderProbeGrain>("pg").ScheduleAsync(TimeSpan.FromSeconds(6));
        }

        await using var second = await HostRunner.StartAsync(settings);
        var probe = second.Grains.GetGrain<IReminderProbeGrain>("pg");
        Assert.True(await probe.IsRegisteredAsync());
        Assert.True(await Eventually.TrueAsync(async () => await probe.FiredAsync() > 0, TimeSpan.FromSeconds(60)),
            "the reminder registered before the restart never fired");
    }

    [Fact]
    public async Task Readiness_is_503_while_the_database_refuses_connections()
    {
        var connectionString = await MigratedDatabaseAsync();
        await using var host = await HostRunner.StartAsync(HostRunner.Postgres(connectionString, "ready"));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);

        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';");
        NpgsqlConnection.ClearAllPools();
        try
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await host.Http.GetAsync("/readyz")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true;");
        }

        Assert.True(await Eventually.TrueAsync(async () => (await host.Http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(20)));
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ActiveSilosAsync(string connectionString, string clusterId)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM OrleansMembershipTable WHERE DeploymentId = @d AND Status = 3", connection);
        command.Parameters.AddWithValue("d", clusterId);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
