using Npgsql;
using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Whole journeys through the Host's webhook endpoint and the LINE simulator, with the sample
/// program (Toyama trial hours, Shizuoka City, national nurse pool) on a controlled clock.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class EndToEndJourneyTests(PostgresServer postgres)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private static readonly DateOnly Monday = new(2026, 11, 30);

    private const string Sakura = "TYM-4K7Q-9M2X";   // tym-c01, 2 cases
    private const string Midori = "TYM-8P3D-6R1Z";   // tym-c02
    private const string Kaori = "NAT-7D4G-2S6Y";    // nat-n01, national nurse pool

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task Consent_area_chat_relay_end_survey_and_nothing_readable_at_rest(string mode)
    {
        var connectionString = mode == "postgres" ? await postgres.CreateDatabaseAsync() : null;
        var settings = connectionString is null ? null : HostRunner.Postgres(connectionString, "journey-" + Guid.NewGuid().ToString("N")[..8]);
        settings?.Add("Storage:MigrateOnStart", "true");
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), settings);
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        var she = await journey.ReadyConsulteeAsync("Uhana", "高岡市");

        await she.SayAsync("相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        var tag = "#" + caseId[..4];
        await she.ExpectAsync("相談員とつながりました");
        await counselor.ExpectAsync($"{tag}（高岡市） とつながりました");

        await she.SayAsync("生理が2週間遅れていて不安です");
        await counselor.ExpectAsync($"{tag} 生理が2週間遅れていて不安です");
        await counselor.SayAsync("教えてくれてありがとう。検査薬は使いましたか？");
        await she.ExpectAsync("教えてくれてありがとう。検査薬は使いましたか？");
        await she.SayAsync("まだです");
        await counselor.ExpectAsync($"{tag} まだです");
        await counselor.SayAsync("/終了");
        await she.ExpectAsync("ご相談ありがとうございました");
        var survey = await she.ExpectAsync("1（よくなかった）〜5");
        await she.TapAsync(survey.Postback("5")!);
        await she.ExpectAsync("お答えいただきありがとうございました");

        var record = await journey.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync();
        Assert.Equal(CaseStatus.Closed, record.Status);
        Assert.Equal(5, record.Satisfaction);
        Assert.Equal("toyama", record.TenantId);
        Assert.Equal("tym-c01", record.CounselorId);
        Assert.False(record.NightOrHoliday); // Tuesday 10:00
        // The counselor never saw her LINE user id; she never saw the counselor's.
        Assert.DoesNotContain(counselor.Inbox, m => m.Text.Contains("Uhana", StringComparison.Ordinal));
        Assert.DoesNotContain(she.Inbox, m => m.Text.Contains("Ustaff", StringComparison.Ordinal));
        // Her first message of each turn went back as a free reply.
        Assert.Contains(she.Inbox, m => m.Via == "reply");

        // Operators see the routing and the relay, labelled by dispatcher and direction only.
        var metrics = await journey.Host.Management.GetStringAsync("/metrics");
        Assert.True(metrics.Contains("oc_routing_steps", StringComparison.Ordinal), string.Join("\n", metrics.Split('\n').Where(l => l.Contains("oc_") || l.Contains("orleansconsult"))));
        Assert.Contains("dispatcher=\"tenant:toyama\"", metrics);
        Assert.Contains("oc_queue_length", metrics);
        Assert.Contains("oc_relay_duration", metrics);
        Assert.DoesNotContain("Uhana", metrics);

        if (connectionString is not null)
        {
            // Message text never in clear. (Her LINE user id is a grain key: a per-channel pseudonym the system routes by.)
            await AssertNothingReadableAsync(connectionString, ["生理が2週間遅れていて不安です", "検査薬は使いましたか", "高岡市"]);
        }
    }

    /// <summary>Reads every table the engine writes, byte for byte: no message text in clear.</summary>
    private static async Task AssertNothingReadableAsync(string connectionString, string[] secrets)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = 0;
        foreach (var table in new[] { "oc_transcript", "oc_grain_state", "oc_line_outbox", "orleansreminderstable" })
        {
            await using var command = new NpgsqlCommand($"SELECT * FROM {table}", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? [] : reader.GetValue(i) switch
                    {
                        byte[] bytes => bytes,
                        var other => System.Text.Encoding.UTF8.GetBytes(Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                    };
                    foreach (var secret in secrets)
                    {
                        Assert.True(value.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)) < 0, $"'{secret}' readable in {table}");
                    }
                }
            }
        }
        Assert.True(rows > 5, "the journey should have written transcript and grain rows");
    }

    [Fact]
    public async Task An_unanswered_offer_times_out_and_goes_to_the_second_counselor()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var sakura = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        journey.Clock.Advance(TimeSpan.FromMinutes(1));
        var midori = await journey.OnShiftAsync("Ustaff-midori", Midori);
        var she = await journey.ReadyConsulteeAsync("Uaoi", "富山市");
        await she.SayAsync("相談する");
        await sakura.ExpectAsync("新しい相談があります");

        journey.Clock.Advance(TimeSpan.FromSeconds(61));
        await journey.Grains.GetGrain<IDispatcherGrain>("tenant:toyama").TickAsync(); // what its timer does
        await sakura.ExpectAsync("時間切れのため");
        await midori.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
    }

    [Fact]
    public async Task Nobody_on_shift_routes_to_the_nurse_pool()
    {
        // Shizuoka City is open Monday 18:00–21:00, the national pool 18:00–22:00.
        await using var journey = await JourneyHost.StartAsync(Monday, TimeSpan.FromHours(18.5));
        var nurse = await journey.OnShiftAsync("Ustaff-kaori", Kaori);
        var she = await journey.ReadyConsulteeAsync("Ukei", "静岡市");
        await she.SayAsync("相談する");
        await she.ExpectAsync("全国看護師相談チームにおつなぎしています"); // the pool as the sample program names it
        var caseId = await nurse.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("看護師とつながりました");
        await she.SayAsync("お腹が少し痛みます");
        await nurse.ExpectAsync("お腹が少し痛みます");
        Assert.Equal("pool", (await journey.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).HandledBy);
    }

    [Fact]
    public async Task Everything_closed_left_message_answered_at_opening()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(7));
        var she = await journey.ReadyConsulteeAsync("Umio", "射水市");
        await she.SayAsync("相談する");
        var closed = await she.ExpectAsync("ただいま受付時間外です");
        Assert.Contains("火・木・土", closed.Text);
        // The phone numbers sit one tap away on the compact card.
        await she.TapAsync(closed.Postback("電話で相談")!);
        Assert.Contains("0120-000-101", (await she.ExpectAsync("電話でも相談できます")).Text);
        await she.TapAsync(closed.Postback("メッセージを残す")!);
        await she.SayAsync("朝になったら相談したいです");
        await she.ExpectAsync("メッセージをお預かりしました");

        journey.Clock.Advance(TimeSpan.FromHours(2)); // 9:00, Toyama opens
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        var card = await counselor.ExpectAsync("新しい相談があります");
        Assert.Contains("朝になったら相談したいです", card.Text);
        Assert.Contains("待ち時間：120分", card.Text);
        await counselor.AnswerOfferAsync(accept: true);
        await counselor.ExpectAsync("待っている間のメッセージ");
        await she.ExpectAsync("相談員とつながりました");
    }

    [Fact]
    public async Task An_urgent_case_jumps_the_queue()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(11));
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        await counselor.SayAsync("休憩"); // on shift, on a break: cases wait for her
        var calm = await journey.ReadyConsulteeAsync("Ucalm", "魚津市");
        await calm.SayAsync("相談する");
        await calm.ExpectAsync("相談員におつなぎしています");
        var urgent = await journey.ReadyConsulteeAsync("Uurgent", "氷見市");
        await urgent.SayAsync("彼に殴られました");
        await urgent.ExpectAsync("あなたのことがとても心配です");
        var emergency = await urgent.ExpectAsync("【緊急のとき】");
        Assert.Contains(emergency.Buttons, b => b.Uri == "tel:110");
        var dispatcher = journey.Grains.GetGrain<IDispatcherGrain>("tenant:toyama");
        Assert.True(await Eventually.TrueAsync(async () => (await dispatcher.GetSnapshotAsync()).Queue.Count == 2, TimeSpan.FromSeconds(10)));

        await counselor.SayAsync("出勤");
        var card = await counselor.ExpectAsync("【緊急】新しい相談があります");
        Assert.Contains("彼に殴られました", card.Text);
    }

    [Fact]
    public async Task A_counselor_with_two_cases_switches_between_them()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var counselor = await journey.OnShiftAsync("Ustaff-sakura", Sakura);
        var a = await journey.ReadyConsulteeAsync("Ua", "砺波市");
        await a.SayAsync("相談する");
        var caseA = await counselor.AnswerOfferAsync(accept: true, offerNumber: 1);
        var b = await journey.ReadyConsulteeAsync("Ub", "黒部市");
        await b.SayAsync("相談する");
        await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        await b.ExpectAsync("相談員とつながりました");

        await a.SayAsync("Aです");
        var relayed = await counselor.ExpectAsync($"#{caseA[..4]} Aです");
        await counselor.SayAsync("Bさんこんにちは");
        await b.ExpectAsync("Bさんこんにちは");
        await counselor.TapAsync(relayed.Postback($"#{caseA[..4]}")!);
        await counselor.ExpectAsync("に切り替えました");
        await counselor.SayAsync("Aさんこんにちは");
        await a.ExpectAsync("Aさんこんにちは");
        Assert.Equal(0, a.Count("Bさんこんにちは"));
        Assert.Equal(0, b.Count("Aさんこんにちは"));
    }
}
