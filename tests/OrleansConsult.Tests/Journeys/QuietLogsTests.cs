using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// With the log levels the Host ships (appsettings.json), ordinary consultations write next to nothing:
/// per-event detail is at Debug. Counts every line at Information or above over whole consultations.
/// </summary>
public sealed class QuietLogsTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Fact]
    public async Task Ordinary_consultations_write_their_lifecycle_not_their_events()
    {
        var logs = new RecordingLoggerProvider();
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), configure: builder =>
        {
            // The shipped log levels (only those) over the test host's own quieter defaults.
            var shipped = new ConfigurationBuilder()
                .AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "OrleansConsult.Host", "appsettings.json"), optional: false).Build();
            builder.Configuration.AddInMemoryCollection(shipped.GetSection("Logging").AsEnumerable()
                .Where(kv => kv.Value is not null).Select(kv => KeyValuePair.Create(kv.Key, kv.Value)));
            builder.Logging.AddProvider(logs);
        });
        var before = logs.Lines.Count(l => l.Level >= LogLevel.Information);
        Assert.True(before > 0, "the recorder saw no start-up line: it is not wired to the host's logging");
        var webhooks = 0;

        var counselor = await journey.OnShiftAsync("Ustaff-quiet", Sakura);
        webhooks += 2;
        for (var i = 0; i < 5; i++)
        {
            var she = await journey.ReadyConsulteeAsync($"Uquiet{i}", "富山市");
            await she.SayAsync("相談する");
            var caseId = await counselor.AnswerOfferAsync(accept: true, offerNumber: i + 1);
            await she.ExpectAsync("相談員とつながりました");
            webhooks += 5;
            for (var m = 0; m < 5; m++)
            {
                await she.SayAsync($"質問{i}-{m}");
                await counselor.ExpectAsync($"質問{i}-{m}");
                await counselor.SayAsync($"答え{i}-{m}");
                await she.ExpectAsync($"答え{i}-{m}");
                webhooks += 2;
            }
            await counselor.SayAsync("/終了");
            var survey = await she.ExpectAsync("1（よくなかった）〜5");
            await she.TapAsync(survey.Postback("4")!);
            await she.ExpectAsync("お答えいただきありがとうございました");
            webhooks += 2;
        }

        var lines = logs.Lines.Where(l => l.Level >= LogLevel.Information).Skip(before).ToList();
        var perWebhook = (double)lines.Count / webhooks;
        DrillReport.Write(output, "quiet logs (shipped levels)", [("start-up lines", before), ("webhooks", webhooks), ("lines at Information+", lines.Count), ("per webhook", perWebhook.ToString("F3"))]);
        // Her enrollment, and per case: opened and closed (no per-message line); the project's own categories are heard at all
        // (a bare "Orleans" filter would silence every "OrleansConsult" category too: prefixes match).
        Assert.Contains(lines, l => l.Category.StartsWith("OrleansConsult.", StringComparison.Ordinal));
        Assert.True(lines.Count <= 1 + 2 * 5,
            $"{lines.Count} lines over {webhooks} webhooks:\n" + string.Join("\n", lines.Take(40).Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        // Nothing personal in what is written.
        Assert.DoesNotContain(lines, l => l.Message.Contains("Uquiet", StringComparison.Ordinal) || l.Message.Contains("質問", StringComparison.Ordinal));
    }
}
