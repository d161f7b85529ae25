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
    public async Task Ordinary_consultations_write_at_most_one_log_line_per_twenty_webhooks()
    {
        var logs = new RecordingLoggerProvider();
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), configure: builder =>
        {
            // The shipped levels, over the test host's own (quieter) defaults.
            builder.Configuration.AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "OrleansConsult.Host", "appsettings.json"), optional: false);
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
        DrillReport.Write(output, "quiet logs (shipped levels)", [("webhooks", webhooks), ("lines at Information+", lines.Count), ("per webhook", perWebhook.ToString("F3"))]);
        Assert.True(lines.Count * 20 <= webhooks,
            $"{lines.Count} lines over {webhooks} webhooks:\n" + string.Join("\n", lines.Take(40).Select(l => $"{l.Level} {l.Category}: {l.Message}")));
        // Nothing personal in what is written.
        Assert.DoesNotContain(lines, l => l.Message.Contains("Uquiet", StringComparison.Ordinal) || l.Message.Contains("質問", StringComparison.Ordinal));
    }
}
