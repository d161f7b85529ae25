using System.Net;
using System.Reflection;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Line;

namespace OrleansConsult.Tests.Storage;

/// <summary>
/// Grain-state writes of many grains in one statement (PostgreSQL): each row keeps its own version check,
/// and the rows are the AdoNet provider's rows (same key columns and hashes), so either writes over the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStateBatchWriterTests(PostgresServer postgres) : IDisposable
{
    private readonly TempFolder _data = new();

    public void Dispose() => _data.Dispose();

    public static TheoryData<string> GrainIds => [
        "string", "guid", "guid+ext", "integer", "integer+ext"];

    private static GrainId Grain(string kind) => kind switch
    {
        "string" => GrainId.Create("consultee", "consultee:Fy3o4D0mxOhZxuAUnoL2U8"),
        "guid" => GrainId.Create(GrainType.Create("case"), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"))),
        "guid+ext" => GrainId.Create(GrainType.Create("case"), GrainIdKeyExtensions.CreateGuidKey(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"), "東京/a")),
        "integer" => GrainId.Create(GrainType.Create("counter"), GrainIdKeyExtensions.CreateIntegerKey(-4242)),
        _ => GrainId.Create(GrainType.Create("counter"), GrainIdKeyExtensions.CreateIntegerKey(77, "x")),
    };

    [Theory]
    [MemberData(nameof(GrainIds))]
    public void Keys_are_the_AdoNet_providers_own(string kind)
    {
        var grainId = Grain(kind);
        var ours = GrainStateKey.Of(grainId);
        // The provider's key type is internal: build it the way the provider does and compare column by column.
        var type = typeof(AdoNetGrainStorage).Assembly.GetType("Orleans.Storage.AdoGrainKey", throwOnError: true)!;
        object theirs = kind switch
        {
            "string" => Activator.CreateInstance(type, grainId.Key.ToString())!,
            "guid" or "guid+ext" => grainId.TryGetGuidKey(out var guid, out var ext) ? Activator.CreateInstance(type, guid, ext)! : throw new InvalidOperationException(),
            _ => grainId.TryGetIntegerKey(out var number, out var ext2) ? Activator.CreateInstance(type, number, ext2)! : throw new InvalidOperationException(),
        };
        Assert.Equal((long)type.GetProperty("N0Key")!.GetValue(theirs)!, ours.N0);
        Assert.Equal((long)type.GetProperty("N1Key")!.GetValue(theirs)!, ours.N1);
        Assert.Equal((string?)type.GetProperty("StringKey")!.GetValue(theirs), ours.Extension);
        Assert.Equal((byte[])type.GetMethod("GetHashBytes")!.Invoke(theirs, null)!, ours.HashBytes());
    }

    [Fact]
    public async Task Many_grains_write_together_and_each_keeps_its_own_version_check()
    {
        var database = await postgres.MigratedDatabaseAsync("postgres", _data.Path);
        var writer = Writer(database);
        var grains = Enumerable.Range(0, 40).Select(i => GrainId.Create("consultee", $"consultee:u{i}")).ToArray();
        var states = grains.Select(_ => new GrainState<string> { State = "first" }).ToArray();

        // Concurrent first writes: each inserts its row at version 1.
        await Task.WhenAll(grains.Select((g, i) => Write(writer, g, states[i])));
        Assert.All(states, s => Assert.Equal("1", s.ETag));
        Assert.All(states, s => Assert.True(s.RecordExists));

        // Concurrent updates under their ETags: every row moves to version 2 with its own payload.
        for (var i = 0; i < states.Length; i++)
        {
            states[i].State = $"second {i}";
        }
        await Task.WhenAll(grains.Select((g, i) => Write(writer, g, states[i])));
        Assert.All(states, s => Assert.Equal("2", s.ETag));
        var rows = await RowsAsync(database);
        Assert.Equal(40, rows.Count);
        for (var i = 0; i < grains.Length; i++)
        {
            var row = rows[$"consultee:u{i}"];
            Assert.Equal(2, row.Version);
            Assert.Equal($"second {i}", row.Payload);
        }

        // A stale ETag and an insert over an existing row both lose, and change nothing.
        var stale = new GrainState<string> { State = "stale", ETag = "1" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Write(writer, grains[0], stale));
        var fresh = new GrainState<string> { State = "fresh" };
        await Assert.ThrowsAsync<InconsistentStateException>(() => Write(writer, grains[1], fresh));
        rows = await RowsAsync(database);
        Assert.Equal((2, "second 0"), (rows["consultee:u0"].Version, rows["consultee:u0"].Payload));
        Assert.Equal((2, "second 1"), (rows["consultee:u1"].Version, rows["consultee:u1"].Payload));
    }

    [Fact]
    public async Task Of_two_writes_from_the_same_version_one_wins()
    {
        var database = await postgres.MigratedDatabaseAsync("postgres", _data.Path);
        var writer = Writer(database);
        var grain = GrainId.Create("consultee", "consultee:twice");
        await Write(writer, grain, new GrainState<string> { State = "one" });

        // Fired together they usually share a batch; either way exactly one may land.
        var a = Write(writer, grain, new GrainState<string> { State = "a", ETag = "1" });
        var b = Write(writer, grain, new GrainState<string> { State = "b", ETag = "1" });
        var outcomes = await Task.WhenAll(Outcome(a), Outcome(b));
        Assert.Single(outcomes, won => won);
        var row = (await RowsAsync(database))["consultee:twice"];
        Assert.Equal(2, row.Version);
        Assert.Equal(outcomes[0] ? "a" : "b", row.Payload);
    }

    /// <summary>
    /// A host on the provider's own writes, then one batching, then the provider again: each reads and
    /// updates the rows the other wrote (no second row, no version conflict), and every webhook is accepted.
    /// </summary>
    [Fact]
    public async Task Batched_and_provider_writes_update_the_same_rows()
    {
        var settings = HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "batch-" + Guid.NewGuid().ToString("N")[..8]);
        settings["Storage:MigrateOnStart"] = "true";

        settings["Storage:BatchGrainStateWrites"] = "false";
        await using (var host = await HostRunner.StartAsync(settings))
        {
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubatch-a", "同意する"));
        }
        settings["Storage:BatchGrainStateWrites"] = "true";
        await using (var host = await HostRunner.StartAsync(settings))
        {
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubatch-a", "電話で相談"));
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubatch-b", "同意する"));
        }
        settings["Storage:BatchGrainStateWrites"] = "false";
        await using (var host = await HostRunner.StartAsync(settings))
        {
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubatch-a", "同意する"));
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubatch-b", "電話で相談"));
            var database = host.Services.GetRequiredService<Database>();
            var keyA = HostKeys.LineUser(host.Services, "consultee", "Ubatch-a");
            var keyB = HostKeys.LineUser(host.Services, "consultee", "Ubatch-b");
            var versions = await VersionsAsync(database, "consultee");
            // One row each, and every accept wrote it: a mismatched hash would have made a second row or a conflict.
            Assert.Equal(2, versions.Count);
            Assert.True(versions[keyA] >= 3, $"her row has version {versions[keyA]} after three accepted events");
            Assert.True(versions[keyB] >= 2, $"her row has version {versions[keyB]} after two accepted events");
        }
    }

    private static async Task<bool> Outcome(Task write)
    {
        try
        {
            await write;
            return true;
        }
        catch (InconsistentStateException)
        {
            return false;
        }
    }

    private static Task Write(GrainStateBatchWriter writer, GrainId grain, GrainState<string> state) =>
        writer.WriteStateAsync("consultee", grain, GrainStateKey.Of(grain), state);

    private static GrainStateBatchWriter Writer(Database database) =>
        new(database.PostgresSource!, "svc", "state", new Utf8Serializer(), new StorageHasherPicker([new OrleansDefaultHasher()]));

    private static async Task<Dictionary<string, (int Version, string Payload)>> RowsAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT grain_id_ext, version, payload FROM oc_grain_state WHERE service_id = 'svc'";
        var rows = new Dictionary<string, (int, string)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), (reader.GetInt32(1), Encoding.UTF8.GetString((byte[])reader.GetValue(2))));
        }
        return rows;
    }

    private static async Task<Dictionary<string, int>> VersionsAsync(Database database, string grainType)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT grain_id_ext, version FROM oc_grain_state WHERE grain_type = '{grainType}'";
        var rows = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0), reader.GetInt32(1));
        }
        return rows;
    }

    private static async Task<HttpStatusCode> SayAsync(HostRunner host, string userId, string text)
    {
        var body = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent(userId, text, Guid.NewGuid().ToString("N")));
        using var response = await host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", body, HostRunner.ConsulteeSecret));
        return response.StatusCode;
    }

    /// <summary>Plain text state, so the test reads the payload it wrote.</summary>
    private sealed class Utf8Serializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => new(Encoding.UTF8.GetBytes((string)(object)input!));

        public T Deserialize<T>(BinaryData input) => (T)(object)Encoding.UTF8.GetString(input.ToArray());
    }
}
