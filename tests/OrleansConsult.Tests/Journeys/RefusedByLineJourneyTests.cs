using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Host;
using OrleansConsult.LineSimulator;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// LINE's monthly limit during a chat, end to end on the simulator: both relays are parked, both senders
/// are told, and `outbox release` has the running service deliver them, each once.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RefusedByLineJourneyTests(PostgresServer postgres)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task Relays_refused_for_the_monthly_limit_are_parked_the_senders_told_and_an_operator_release_delivers_them(string mode)
    {
        using var data = new TempFolder();
        var settings = mode == "postgres"
            ? HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "refused-" + Guid.NewGuid().ToString("N")[..8])
            : HostRunner.Embedded(data.Path);
        settings["Storage:MigrateOnStart"] = "true";
        settings["Line:Sending:OutboxPollInterval"] = "00:00:00.200";
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), settings);
        var outbox = journey.Host.Services.GetRequiredService<SqlOutbox>();
        var (she, counselor) = await ConnectedAsync(journey);
        await she.SayAsync("よくある質問"); // her reply token is spent: messages to her go as pushes
        await she.ExpectAsync("よくある質問です");

        journey.Simulator.Faults = new FaultSettings { MonthlyLimit = true };
        await counselor.SayAsync("体調はいかがですか");
        await counselor.ExpectAsync("相談者に届けられませんでした");
        await she.SayAsync("少し気分が悪いです"); // the counselor's token went to the notice: this relay is a push
        await she.ExpectAsync("相談員に届けられませんでした");
        Assert.Equal(0, she.Count("体調はいかがですか"));
        Assert.Equal(0, counselor.Count("少し気分が悪いです"));
        Assert.Equal(new Dictionary<string, long> { ["monthly-limit"] = 2 }, await outbox.ParkedCountsAsync());

        // The limit is lifted (a new month, a bigger plan); the operator releases the parked rows.
        journey.Simulator.Faults = new FaultSettings();
        string[] args = mode == "postgres"
            ? ["--reason", "monthly-limit", "--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={settings["Storage:ConnectionString"]}", $"--Transcripts:Keys={settings["Transcripts:Keys"]}"]
            : ["--reason=monthly-limit", "--Storage:Mode=Embedded", $"--Storage:DataPath={data.Path}"];
        Assert.Equal(0, await HostCommands.OutboxReleaseAsync(args));

        await she.ExpectAsync("体調はいかがですか");
        await counselor.ExpectAsync("少し気分が悪いです");
        Assert.True(await Eventually.TrueAsync(async () => await outbox.PendingCountAsync() == 0, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, she.Count("体調はいかがですか"));
        Assert.Equal(1, counselor.Count("少し気分が悪いです"));
    }

    [Fact]
    public async Task A_relay_that_waited_in_the_outbox_and_is_then_refused_is_reported_to_its_writer_once()
    {
        using var data = new TempFolder();
        var settings = HostRunner.Embedded(data.Path);
        settings["Line:Sending:OutboxPollInterval"] = "00:00:00.200";
        settings["Line:Sending:OutboxBaseDelay"] = "00:00:00.200";
        settings["Line:Sending:OutboxMaxDelay"] = "00:00:00.500";
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), settings);
        var outbox = journey.Host.Services.GetRequiredService<SqlOutbox>();
        var (she, counselor) = await ConnectedAsync(journey);

        // The staff channel fails for a while: her message waits in the outbox, "on its way".
        journey.Simulator.Faults = new FaultSettings { ServerErrorShare = 1.0, OnlyChannel = "staff" };
        await she.SayAsync("薬を飲んでも大丈夫ですか");
        var database = journey.Host.Services.GetRequiredService<Database>();
        Assert.True(await Eventually.TrueAsync(async () => await Sql.CountAsync(database,
                "SELECT count(*) FROM oc_line_outbox WHERE origin LIKE '%|to-counselor|%' AND delivered_at IS NULL AND parked_at IS NULL") == 1, TimeSpan.FromSeconds(10)),
            $"her relay never waited in the outbox: pending {await outbox.PendingCountAsync()}, counselor got: {string.Join(" / ", counselor.Inbox.Select(m => m.Text))}");
        Assert.Equal(0, she.Count("届けられませんでした"));

        // Then LINE refuses it for good (the staff account's monthly limit): she must hear it did not arrive.
        journey.Simulator.Faults = new FaultSettings { MonthlyLimit = true, OnlyChannel = "staff" };
        await she.ExpectAsync("相談員に届けられませんでした");
        var rows = new List<string>();
        await using (var connection = await database.OpenAsync())
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT channel, origin, park_reason, last_error FROM oc_line_outbox";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(string.Join(",", Enumerable.Range(0, 4).Select(i => reader.IsDBNull(i) ? "null" : reader.GetValue(i).ToString())));
            }
        }
        // Her relay is kept parked, named by its case (the bot's own notices to the counselor queued behind it park too).
        Assert.True(rows.Count(r => r.Contains("|to-counselor|", StringComparison.Ordinal) && r.Contains("monthly-limit", StringComparison.Ordinal)) == 1,
            string.Join("\n", rows));
        await Task.Delay(1000); // more drains: the notice is not repeated
        Assert.Equal(1, she.Count("相談員に届けられませんでした"));
        Assert.Equal(0, counselor.Count("薬を飲んでも大丈夫ですか"));
    }

    /// <summary>Sora of Toyama in a chat with Sakura.</summary>
    private static async Task<(Phone She, Phone Counselor)> ConnectedAsync(JourneyHost journey)
    {
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        var she = await journey.ReadyConsulteeAsync("Usora", "富山市");
        await she.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        return (she, counselor);
    }
}
