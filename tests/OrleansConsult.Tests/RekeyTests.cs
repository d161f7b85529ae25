using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Host;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Line;

namespace OrleansConsult.Tests;

/// <summary>`rekey`: values sealed with key A are readable with only key B once it ran, and it runs beside the service.</summary>
[Collection(PostgresCollection.Name)]
public sealed class RekeyTests(PostgresServer postgres)
{
    private const string UserId = "Urekey";
    private static readonly byte[] Photo = RandomNumberGenerator.GetBytes(3000);

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

        var mediaId = "";
        // 1. Everything sealed with A: her state (she consents), transcript rows, and the bot's answers,
        //    which wait in the outbox (no test host reaches LINE).
        settings["Transcripts:Keys"] = keyA;
        await using (var host = await HostRunner.StartAsync(settings))
        {
            var outbox = host.Services.GetRequiredService<SqlOutbox>();
            await SayAsync(host, "こんにちは");
            await SayAsync(host, "同意する");
            Assert.True(await Eventually.TrueAsync(async () => await outbox.PendingCountAsync() >= 2, TimeSpan.FromSeconds(30)));
            var transcripts = host.Services.GetRequiredService<SqlTranscriptStore>();
            for (var i = 0; i < 5; i++)
            {
                await transcripts.AppendAsync(new TranscriptEntry("CASE-REKEY", "toyama", $"e{i}", DateTimeOffset.UtcNow, TranscriptAuthor.Consultee, $"相談{i}"));
            }
            // A waiting case in a dispatcher's queue (its payload holds a message preview).
            await host.Services.GetRequiredService<IDispatcherQueueStore>().SaveAsync(
                "tenant:rekey", [new DispatcherQueueRow("CASE-REKEY", QueuedPayload)], []);
            mediaId = await host.Services.GetRequiredService<SqlMediaStore>().PutAsync(new StoredMedia("CASE-REKEY", "toyama", "photo", DateTimeOffset.UtcNow,
                "image", "image/png", Photo, Photo, "image/png"));
        }

        // 2. B first in the ring of the running service, then rekey beside it.
        settings["Transcripts:Keys"] = $"{keyB};{keyA}";
        await using (var host = await HostRunner.StartAsync(settings))
        {
            var database = host.Services.GetRequiredService<Database>();
            await Assert.ThrowsAsync<CryptographicException>(() => new SqlTranscriptStore(database, new PayloadProtector(keyB)).ReadAsync("CASE-REKEY"));
            await SayAsync(host, "よくある質問"); // her grain is active, holding the version it read

            Assert.Equal(0, await HostCommands.RekeyAsync(StorageArgs($"{keyB};{keyA}")));

            // Her next event is stored over the version she holds: rekey left versions alone.
            await SayAsync(host, "富山市");
            var again = await new SealedValueRekeyer(database, new PayloadProtector($"{keyB};{keyA}")).RekeyAllAsync();
            Assert.All(again, counts => Assert.Equal((0, 0, 0), (counts.Resealed, counts.ChangedMeanwhile, counts.Unreadable)));
            Assert.All(again, counts => Assert.True(counts.AlreadyCurrent > 0, $"{counts.Table}: nothing to check"));
        }

        // 3. Only B: every value opens; her state (consent, area) is read and the bot answers with her area's phones.
        settings["Transcripts:Keys"] = keyB;
        await using (var host = await HostRunner.StartAsync(settings))
        {
            Assert.Equal(Enumerable.Range(0, 5).Select(i => $"相談{i}"),
                (await host.Services.GetRequiredService<SqlTranscriptStore>().ReadAsync("CASE-REKEY")).Select(t => t.Text));
            var media = host.Services.GetRequiredService<SqlMediaStore>();
            Assert.Equal(Photo, (await media.GetAsync(mediaId, preview: false))!.Bytes);
            Assert.Equal(Photo, (await media.GetAsync(mediaId, preview: true))!.Bytes);
            var queued = Assert.Single(await host.Services.GetRequiredService<IDispatcherQueueStore>().LoadAsync("tenant:rekey"));
            Assert.Equal("CASE-REKEY", queued.CaseId);
            Assert.Equal(QueuedPayload, queued.Payload);
            await SayAsync(host, "電話で相談");
            var database = host.Services.GetRequiredService<Database>();
            var onlyB = new PayloadProtector(keyB);
            Assert.True(await Eventually.TrueAsync(async () => (await OutboxPayloadsAsync(database, onlyB)).Any(p => p.Contains("0120-000-101", StringComparison.Ordinal)),
                TimeSpan.FromSeconds(30)), "the bot never answered with her area's phone numbers");
            Assert.All(await OutboxPayloadsAsync(database, onlyB), payload => Assert.Contains(UserId, payload, StringComparison.Ordinal));
        }
    }

    private static readonly byte[] QueuedPayload = System.Text.Encoding.UTF8.GetBytes("検査薬が陽性でした");

    /// <summary>A signed webhook with one text of hers; 200 means her state was read and the event stored.</summary>
    private static async Task SayAsync(HostRunner host, string text)
    {
        var body = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent(UserId, text, Guid.NewGuid().ToString("N")));
        using var response = await host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", body, HostRunner.ConsulteeSecret));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Every outbox payload opened with <paramref name="protector"/> (read directly: the running dispatcher may hold claims).</summary>
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
