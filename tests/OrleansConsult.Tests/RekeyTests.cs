using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Host;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>`rekey`: values sealed with key A are readable with only key B once it ran, and it runs beside the service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RekeyTests(PostgresServer postgres)
{
    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task After_rekey_only_the_new_key_is_needed_for_grain_state_transcripts_and_the_outbox(string mode)
    {
        using var data = new TempFolder();
        var keyA = PayloadProtector.NewKeyRingEntry("a");
        var keyB = PayloadProtector.NewKeyRingEntry("b");
        var settings = mode == "postgres"
            ? HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "rekey-" + Guid.NewGuid().ToString("N")[..8])
            : HostRunner.Embedded(data.Path);
        settings["Storage:MigrateOnStart"] = "true";
        string[] StorageArgs(string keys) => mode == "postgres"
            ? ["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={settings["Storage:ConnectionString"]}", $"--Transcripts:Keys={keys}", "--BatchSize=2"]
            : ["--Storage:Mode=Embedded", $"--Storage:DataPath={data.Path}", $"--Transcripts:Keys={keys}", "--BatchSize=2"];
        var sheKey = GrainKeys.LineUser("consultee", "Urekey");

        // 1. Everything sealed with A: her state, transcript rows, and the bot's answers in the outbox (LINE is unreachable here).
        settings["Transcripts:Keys"] = keyA;
        await using (var host = await HostRunner.StartAsync(settings))
        {
            var she = host.Grains.GetGrain<IConsulteeGrain>(sheKey);
            await she.AcceptAsync(Events.Text("こんにちは"));
            await she.AcceptAsync(MoreEvents.Postback("consent:yes"));
            Assert.True(await Eventually.TrueAsync(async () => (await she.GetProfileAsync()).Consent == true, TimeSpan.FromSeconds(20)));
            var transcripts = host.Services.GetRequiredService<SqlTranscriptStore>();
            for (var i = 0; i < 5; i++)
            {
                await transcripts.AppendAsync(new TranscriptEntry("CASE-REKEY", "toyama", $"e{i}", DateTimeOffset.UtcNow, TranscriptAuthor.Consultee, $"相談{i}"));
            }
            var outbox = host.Services.GetRequiredService<SqlOutbox>();
            Assert.True(await Eventually.TrueAsync(async () => await outbox.PendingCountAsync() >= 2, TimeSpan.FromSeconds(30)));
        }

        // 2. B first in the ring of the running service, then rekey beside it.
        settings["Transcripts:Keys"] = $"{keyB};{keyA}";
        await using (var host = await HostRunner.StartAsync(settings))
        {
            var database = host.Services.GetRequiredService<Database>();
            var onlyB = new PayloadProtector(keyB);
            await Assert.ThrowsAsync<CryptographicException>(() => new SqlTranscriptStore(database, onlyB).ReadAsync("CASE-REKEY"));
            var she = host.Grains.GetGrain<IConsulteeGrain>(sheKey);
            Assert.True((await she.GetProfileAsync()).Consent); // active, holding the version it read

            Assert.Equal(0, await HostCommands.RekeyAsync(StorageArgs($"{keyB};{keyA}")));

            // The grain's next write still matches the stored version: rekey left versions alone.
            await she.AcceptAsync(Events.Text("よくある質問"));
            Assert.True(await Eventually.TrueAsync(async () => (await she.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(20)));
            var again = await new SealedValueRekeyer(database, new PayloadProtector($"{keyB};{keyA}")).RekeyAllAsync();
            Assert.All(again, counts => Assert.Equal((0, 0, 0), (counts.Resealed, counts.ChangedMeanwhile, counts.Unreadable)));
            Assert.All(again, counts => Assert.True(counts.AlreadyCurrent > 0, $"{counts.Table}: nothing to check"));
        }

        // 3. Only B: every value opens.
        settings["Transcripts:Keys"] = keyB;
        await using (var host = await HostRunner.StartAsync(settings))
        {
            var she = host.Grains.GetGrain<IConsulteeGrain>(sheKey);
            Assert.True((await she.GetProfileAsync()).Consent);
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"相談{i}"),
                (await host.Services.GetRequiredService<SqlTranscriptStore>().ReadAsync("CASE-REKEY")).Select(t => t.Text));
            // The outbox rows (the running dispatcher may hold claims on them: read them directly).
            var payloads = await OutboxPayloadsAsync(host.Services.GetRequiredService<Database>(), new PayloadProtector(keyB));
            Assert.True(payloads.Count >= 2);
            Assert.All(payloads, payload => Assert.Contains("Urekey", payload, StringComparison.Ordinal));
        }
    }

    private static async Task<List<string>> OutboxPayloadsAsync(Database database, PayloadProtector protector)
    {
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, payload FROM oc_line_outbox";
        var payloads = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var id = reader.GetValue(0);
            payloads.Add(protector.Open((byte[])reader.GetValue(1), SealedRows.Outbox(id is Guid guid ? guid : Guid.Parse((string)id))));
        }
        return payloads;
    }
}
