using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Line;

namespace OrleansConsult.Tests;

/// <summary>Every grain state blob is sealed bound to its own grain: it opens on its row only.</summary>
[Collection(PostgresCollection.Name)]
public sealed class GrainStateBindingTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task A_state_blob_opens_only_on_its_own_grains_row(string mode)
    {
        using var data = new TempFolder();
        var keys = PayloadProtector.NewKeyRingEntry("k");
        var settings = mode == "postgres"
            ? HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "bind-" + Guid.NewGuid().ToString("N")[..8])
            : HostRunner.Embedded(data.Path);
        settings["Storage:MigrateOnStart"] = "true";
        settings["Transcripts:Keys"] = keys;
        var protector = new PayloadProtector(keys);

        string keyA, keyB;
        await using (var host = await HostRunner.StartAsync(settings))
        {
            keyA = HostKeys.LineUser(host.Services, "consultee", "Ubind-a");
            keyB = HostKeys.LineUser(host.Services, "consultee", "Ubind-b");
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubind-a", "同意する"));
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubind-b", "同意する"));
            var database = host.Services.GetRequiredService<Database>();
            Assert.True(await Eventually.TrueAsync(async () => (await RowsAsync(database)).Count(r => r.Row.GrainType == "consultee") >= 2,
                TimeSpan.FromSeconds(30)), "both consultees' states were never written");

            // Each row opens with the context the rekey command derives from the row itself, and with no other row's.
            var rows = await RowsAsync(database);
            Assert.True(rows.Count >= 2);
            foreach (var (row, payload) in rows)
            {
                protector.OpenBytes(payload, SealedRows.GrainState(row));
                foreach (var (other, _) in rows.Where(r => r.Row != row))
                {
                    Assert.ThrowsAny<CryptographicException>(() => protector.OpenBytes(payload, SealedRows.GrainState(other)));
                }
            }
        }

        // Copy A's state blob over B's row: B's grain refuses it instead of becoming A.
        await using (var host = await HostRunner.StartAsync(settings))
        {
            var database = host.Services.GetRequiredService<Database>();
            var rows = await RowsAsync(database);
            var a = rows.Single(r => r.Row.GrainType == "consultee" && r.Row.GrainIdExtension == keyA);
            var b = rows.Single(r => r.Row.GrainType == "consultee" && r.Row.GrainIdExtension == keyB);
            await using (var connection = await database.OpenAsync())
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "UPDATE oc_grain_state SET payload = @p WHERE grain_type = 'consultee' AND grain_id_ext = @ext";
                Parameter(command, "p", a.Payload);
                Parameter(command, "ext", b.Row.GrainIdExtension);
                Assert.Equal(1, await command.ExecuteNonQueryAsync());
            }
            Assert.NotEqual(HttpStatusCode.OK, await SayAsync(host, "Ubind-b", "電話で相談"));
            Assert.Equal(HttpStatusCode.OK, await SayAsync(host, "Ubind-a", "電話で相談"));
        }
    }

    private static void Parameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task<HttpStatusCode> SayAsync(HostRunner host, string userId, string text)
    {
        var body = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent(userId, text, Guid.NewGuid().ToString("N")));
        using var response = await host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", body, HostRunner.ConsulteeSecret));
        return response.StatusCode;
    }

    private static async Task<List<(GrainStateRow Row, byte[] Payload)>> RowsAsync(Database database)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, version, payload
            FROM oc_grain_state WHERE payload IS NOT NULL
            """;
        var rows = new List<(GrainStateRow, byte[])>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((new GrainStateRow(reader.GetString(0), Convert.ToInt32(reader.GetValue(1)), Convert.ToInt32(reader.GetValue(2)),
                reader.GetString(3), Convert.ToInt64(reader.GetValue(4)), Convert.ToInt64(reader.GetValue(5)), reader.GetString(6),
                Convert.ToInt32(reader.GetValue(7))), (byte[])reader.GetValue(8)));
        }
        return rows;
    }
}
