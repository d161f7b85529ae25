using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Host;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// The daily purge end to end: the Host's own retention service, on the engine's clock moved past the
/// sample program's five years, deletes what is older and keeps what is newer.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RetentionJourneyTests(PostgresServer postgres)
{
    private static readonly DateOnly Tuesday2026 = new(2026, 12, 1);
    private static readonly DateOnly Tuesday2030 = new(2030, 12, 3);
    private static readonly DateOnly Tuesday2031 = new(2031, 12, 2); // five years and a day after the first case closed
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task The_daily_purge_deletes_case_records_past_their_retention_and_keeps_newer_ones(string mode)
    {
        Dictionary<string, string?>? settings = null;
        if (mode == "postgres")
        {
            settings = HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "retention-" + Guid.NewGuid().ToString("N")[..8]);
            settings["Storage:MigrateOnStart"] = "true";
        }
        await using var journey = await JourneyHost.StartAsync(Tuesday2026, TimeSpan.FromHours(10), settings);
        var database = journey.Host.Services.GetRequiredService<Database>();
        var transcripts = journey.Host.Services.GetRequiredService<SqlTranscriptStore>();
        var jobs = journey.Host.Services.GetRequiredService<SqlDailyJob>();
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        var she = await journey.ReadyConsulteeAsync("Uyui", "富山市");

        var oldCase = await ClosedCaseAsync(journey, she, counselor, "2026年の相談です", offer: 1);
        await transcripts.AppendAsync(new TranscriptEntry("ORPHAN-2026", "toyama", "e1", journey.Clock.GetUtcNow(), TranscriptAuthor.Consultee, "x"));

        // Four years on: the purge runs (the service's own timer, on the engine's clock) and keeps everything.
        journey.Clock.SetUtcNow(JapaneseCalendar.AtTokyo(Tuesday2030, TimeSpan.FromHours(10)));
        await DoneForAsync(jobs, "2030-12-03");
        Assert.Equal(CaseStatus.Closed, (await Case(journey, oldCase).GetSummaryAsync()).Status);
        var newCase = await ClosedCaseAsync(journey, she, counselor, "2030年の相談です", offer: 2);
        await transcripts.AppendAsync(new TranscriptEntry("ORPHAN-2030", "toyama", "e1", journey.Clock.GetUtcNow(), TranscriptAuthor.Consultee, "x"));

        // Five years and a day after the first case closed.
        journey.Clock.SetUtcNow(JapaneseCalendar.AtTokyo(Tuesday2031, TimeSpan.FromHours(10)));
        await DoneForAsync(jobs, "2031-12-02");

        Assert.Equal("", (await Case(journey, oldCase).GetSummaryAsync()).TenantId);
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM oc_grain_state WHERE grain_id_ext = @c", ("c", oldCase)));
        Assert.Empty(await transcripts.ReadAsync(oldCase));
        Assert.Empty(await transcripts.ReadAsync("ORPHAN-2026"));
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM oc_case_index WHERE case_id = @c", ("c", oldCase)));

        var kept = await Case(journey, newCase).GetSummaryAsync();
        Assert.Equal((CaseStatus.Closed, "toyama"), (kept.Status, kept.TenantId));
        Assert.Equal(["2030年の相談です"], (await transcripts.ReadAsync(newCase)).Select(t => t.Text));
        Assert.Single(await transcripts.ReadAsync("ORPHAN-2030"));
        Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM oc_case_index WHERE case_id = @c", ("c", newCase)));

        // Once a day: the same day again runs nothing.
        Assert.False(await journey.Host.Services.GetRequiredService<RetentionService>().RunIfDueAsync());
    }

    private static IConsultationGrain Case(JourneyHost journey, string caseId) => journey.Grains.GetGrain<IConsultationGrain>(caseId);

    /// <summary>
    /// One case from 相談する to /終了, her counselor on shift for it only: she confirms 出勤 before the consultee
    /// asks and goes 退勤 after, so the years the clock jumps between cases never find her on an old shift (the
    /// closing would end it while the new case is offered to her).
    /// </summary>
    private static async Task<string> ClosedCaseAsync(JourneyHost journey, Phone she, Phone counselor, string text, int offer)
    {
        if (offer > 1)
        {
            await counselor.SayAsync("出勤");
            await counselor.ExpectAsync("状態を「出勤」にしました", atLeast: offer);
        }
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true, offerNumber: offer);
        await she.ExpectAsync("相談員とつながりました", atLeast: offer);
        await she.SayAsync(text);
        await counselor.ExpectAsync(text);
        await counselor.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました", atLeast: offer);
        Assert.Equal(CaseStatus.Closed, (await journey.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Status);
        await counselor.SayAsync("退勤");
        await counselor.ExpectAsync("状態を「退勤」にしました", atLeast: offer);
        return caseId;
    }

    private static async Task DoneForAsync(SqlDailyJob jobs, string day) =>
        Assert.True(await Eventually.TrueAsync(async () => await jobs.DoneForAsync(RetentionService.Job) == day, TimeSpan.FromSeconds(30)),
            $"the retention purge did not run for {day}");
}
