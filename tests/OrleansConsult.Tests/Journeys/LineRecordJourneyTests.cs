using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// A counselor records her case from LINE, through the Host's webhooks and the LINE simulator: she ends it with
/// /終了, completes the form in 5 taps and records a referral with /紹介; the case record in the database (SQLite
/// embedded, and PostgreSQL) holds the classification and the referral.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class LineRecordJourneyTests(PostgresServer postgres)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X"; // tym-c01

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task She_closes_a_case_and_completes_its_record_in_five_taps_and_the_database_has_it(string mode)
    {
        Dictionary<string, string?>? settings = null;
        if (mode == "postgres")
        {
            settings = HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "records-" + Guid.NewGuid().ToString("N")[..8]);
            settings["Storage:MigrateOnStart"] = "true";
        }
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), settings);
        var counselor = await journey.OnShiftAsync("Ustaff-record", Sakura);
        var she = await journey.ReadyConsulteeAsync("Urecord" + Guid.NewGuid().ToString("N")[..8], "射水市");
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        await she.SayAsync("生理が来なくて不安です");
        await counselor.ExpectAsync("生理が来なくて不安です");

        // A referral while the case is open.
        await counselor.SayAsync("/紹介");
        await counselor.TapAsync((await counselor.ExpectAsync("紹介先の種類を選んでください")).Postback("医療機関")!);
        await counselor.TapAsync((await counselor.ExpectAsync("状況を選んでください")).Postback("提案した")!);
        await counselor.ExpectAsync("紹介先の名前");
        await counselor.SayAsync("射水市民病院");
        await counselor.ExpectAsync("紹介先「射水市民病院」を記録しました");

        await counselor.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました");
        var taps = 0;
        async Task TapAsync(string waitFor, string label)
        {
            var message = await counselor.ExpectAsync(waitFor);
            var data = message.Buttons.FirstOrDefault(b => b.Label == label).Data;
            Assert.True(data is not null, $"no button '{label}' in: {string.Join(", ", message.Buttons.Select(b => b.Label))}");
            taps++;
            await counselor.TapAsync(data);
        }
        await TapAsync("の記録（1/4）", "妊娠の可能性・検査");
        await TapAsync("選択中：妊娠の可能性・検査", "次へ");
        await TapAsync("の記録（2/4）", "16–17");
        await TapAsync("の記録（3/4）", "未確認");
        await TapAsync("の記録（4/4）", "受診勧奨");
        await counselor.ExpectAsync("の記録を保存しました");
        Assert.Equal(5, taps);

        var store = journey.Host.Services.GetRequiredService<SqlCaseRecordStore>();
        var record = await store.FindAsync(caseId);
        Assert.NotNull(record);
        Assert.NotNull(record.ClosedAt);
        Assert.NotNull(record.Classification);
        Assert.Equal(["妊娠の可能性・検査"], record.Classification.Topics);
        Assert.Equal(("16–17", "未確認"), (record.Classification.AgeBand, record.Classification.PregnancyWeeks));
        Assert.Equal(["受診勧奨"], record.Classification.Actions);
        var referral = Assert.Single(await store.ReferralsOfAsync(caseId));
        Assert.Equal(("医療機関（産科）", "射水市民病院", "提案した"), (referral.Destination, referral.Place, referral.Status));
        Assert.DoesNotContain(await store.UnclassifiedAsync("toyama", journey.Clock.GetUtcNow().AddDays(1)), r => r.CaseId == caseId);
        Assert.DoesNotContain(she.Inbox, m => m.Text.Contains("射水市民病院", StringComparison.Ordinal));
    }
}
