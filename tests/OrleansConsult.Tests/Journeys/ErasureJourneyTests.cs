using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.LineSimulator;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>「相談記録の削除」 end to end: after it, the database holds no row of hers but the erasure record.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ErasureJourneyTests(PostgresServer postgres)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task After_her_erasure_no_row_of_hers_remains_but_the_erasure_record(string mode)
    {
        Dictionary<string, string?>? settings = null;
        if (mode == "postgres")
        {
            settings = HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "erasure-" + Guid.NewGuid().ToString("N")[..8]);
            settings["Storage:MigrateOnStart"] = "true";
        }
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), settings);
        var database = journey.Host.Services.GetRequiredService<Database>();
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        var herId = "Uhana" + Guid.NewGuid().ToString("N");
        var key = HostKeys.LineUser(journey.Host.Services, "consultee", herId);
        var she = await journey.ReadyConsulteeAsync(herId, "高岡市");

        // A first case, ended.
        await she.SayAsync("相談する");
        var first = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        await she.SayAsync("ひとつめの相談です");
        await counselor.ExpectAsync("ひとつめの相談です");
        await counselor.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました");

        // A second case, open, with an answer LINE refused for the monthly limit: parked in the outbox for her.
        await she.SayAsync("相談する");
        var second = await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await she.ExpectAsync("相談員とつながりました", atLeast: 2);
        // Her reply tokens are all spent (her 相談する was answered): the counselor's first words go as a push.
        journey.Simulator.Faults = new FaultSettings { MonthlyLimit = true };
        await counselor.SayAsync("届かない返事");
        await counselor.ExpectAsync("相談者に届けられませんでした");
        journey.Simulator.Faults = new FaultSettings();
        await she.SayAsync("ふたつめの相談です");
        await counselor.ExpectAsync("ふたつめの相談です");

        string[] cases = [first, second];
        Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM oc_grain_state WHERE grain_id_ext LIKE @her", ("her", $"%{key}%")));
        Assert.Equal(2, await CaseRowsAsync(database, "oc_grain_state", "grain_id_ext", cases));
        Assert.Equal(3, await CaseRowsAsync(database, "oc_transcript", "case_id", cases));
        Assert.Equal(2, await Sql.CountAsync(database, "SELECT count(*) FROM oc_case_index WHERE consultee = @key", ("key", key)));
        Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM oc_line_outbox WHERE recipient = @key", ("key", key)));
        // Both cases have their case record from the case grain's lifecycle (the first answered and closed).
        Assert.Equal(2, await CaseRowsAsync(database, "oc_case_record", "case_id", cases));
        Assert.Equal(1, await Sql.CountAsync(database,
            "SELECT count(*) FROM oc_case_record WHERE case_id = @a AND consultee = @key AND channel = 'LINE' AND first_answered_at IS NOT NULL AND closed_at IS NOT NULL AND answered_by_pool = 0",
            ("a", first), ("key", key)));

        await she.SayAsync("相談記録の削除");
        var confirm = await she.ExpectAsync("削除しますか？");
        Assert.Equal(0, counselor.Count("相談記録の削除"));
        await she.TapAsync(confirm.Postback("削除する")!);
        await she.ExpectAsync("相談記録を削除しました");
        await counselor.ExpectAsync($"#{second[..4]} の相談は終了しました（相談者から相談記録の削除の依頼があったため）");

        Assert.True(await Eventually.TrueAsync(async () =>
            await Sql.CountAsync(database, "SELECT count(*) FROM oc_grain_state WHERE grain_id_ext LIKE @her", ("her", $"%{key}%")) == 0,
            TimeSpan.FromSeconds(10)), "her own state row is still there");
        Assert.Equal(0, await CaseRowsAsync(database, "oc_grain_state", "grain_id_ext", cases));
        Assert.Equal(0, await CaseRowsAsync(database, "oc_transcript", "case_id", cases));
        Assert.Equal(0, await CaseRowsAsync(database, "oc_case_index", "case_id", cases));
        Assert.Equal(0, await CaseRowsAsync(database, "oc_case_record", "case_id", cases));
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM oc_line_outbox WHERE recipient = @key", ("key", key)));
        var record = Assert.Single(await journey.Host.Services.GetRequiredService<SqlErasureStore>().RecordsOfAsync(key));
        Assert.Equal((2, 3, 1), (record.Cases, record.TranscriptRows, record.OutboxRows));
        Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM oc_erasure WHERE consultee LIKE @her", ("her", $"%{herId}%")));

        // She is like a new follower: the bot starts again from its welcome and privacy notice.
        await she.FollowAsync();
        await she.ExpectAsync("ご利用の前に", atLeast: 2);
        Assert.Equal(new ConsulteeProfile(null, null, null, null),
            await journey.Grains.GetGrain<IConsulteeGrain>(key).GetProfileAsync());
    }

    private static Task<long> CaseRowsAsync(Database database, string table, string column, string[] cases) =>
        Sql.CountAsync(database, $"SELECT count(*) FROM {table} WHERE {column} IN (@a, @b)", ("a", cases[0]), ("b", cases[1]));
}
