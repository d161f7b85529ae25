using OrleansConsult.Abstractions;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// A consultee, a counselor and a supervisor on the LINE simulator (signed webhooks in, Messaging API out): /SV with
/// nobody on shift (the phones), the supervisor coming on shift and getting the call, watching (copies arrive,
/// none twice after a redelivered webhook, the consultee sees nothing), a whisper, takeover, and an urgent case
/// calling the supervisor by itself when it is accepted.
/// </summary>
public sealed class SupervisorJourneyTests : IDisposable
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";
    private const string SupervisorCode = "TYM-SV7K-3Q9D";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The sample program with a supervisor for Toyama (she takes no cases).</summary>
    private string ProgramWithSupervisor()
    {
        var sample = File.ReadAllText(HostRunner.SampleProgram);
        const string Anchor = "\"tym-c01\":";
        Assert.Contains(Anchor, sample);
        var path = Path.Combine(_folder.Path, "program.json");
        File.WriteAllText(path, sample.Replace(Anchor,
            $"\"tym-sv01\": {{ \"DisplayName\": \"スーパーバイザー まき\", \"Role\": \"Supervisor\", \"EnrollmentCode\": \"{SupervisorCode}\" }},\n          " + Anchor,
            StringComparison.Ordinal));
        return path;
    }

    [Fact]
    public async Task SV_call_phones_watch_whisper_takeover_and_urgent_call_through_LINE()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), programFile: ProgramWithSupervisor());
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var counselor = await journey.OnShiftAsync("Ustaff-sv-c-" + suffix, Sakura);
        var herId = "Usv-she-" + suffix;
        var she = await journey.ReadyConsulteeAsync(herId, "高岡市");
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        var tag = $"#{caseId[..4]}";
        await she.ExpectAsync("相談員とつながりました");

        // Nobody on shift: the counselor gets the tenant's phones, and it is journaled.
        await counselor.SayAsync("/SV 週数の判断に迷っています");
        var phones = await counselor.ExpectAsync("出勤中のSVがいません");
        Assert.Contains("0120-000-101", phones.Text);

        // The supervisor comes on shift and gets the call nobody answered.
        var supervisor = await journey.OnShiftAsync("Ustaff-sv-s-" + suffix, SupervisorCode);
        var call = await supervisor.ExpectAsync($"【SV要請】{tag}");
        Assert.Contains("週数の判断に迷っています", call.Text);
        await supervisor.TapAsync(call.Postback("見守る")!);
        await supervisor.ExpectAsync($"{tag} の見守りを始めました");

        // Both sides reach her as copies; LINE redelivering the consultee's webhook copies nothing twice.
        var her = journey.Users.User("consultee", herId);
        var sent = await her.SendTextAsync("検査薬が陽性でした");
        Assert.Equal(200, sent.StatusCode);
        await supervisor.ExpectAsync($"［見守り］{tag} 相談者：検査薬が陽性でした");
        Assert.Equal(200, (await her.RedeliverAsync(sent.Event)).StatusCode);
        await counselor.SayAsync("いつ検査しましたか");
        await supervisor.ExpectAsync($"［見守り］{tag} 相談員：いつ検査しましたか");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, supervisor.Count("相談者：検査薬が陽性でした"));
        Assert.Equal(1, counselor.Count("検査薬が陽性でした"));

        // A whisper reaches the counselor only.
        await supervisor.SayAsync("/ささやき 最終月経を聞いてみて");
        var whisper = await counselor.ExpectAsync("［SVより・相談者には届いていません］");
        Assert.Contains("最終月経を聞いてみて", whisper.Text);

        // Takeover: the consultee hears another staff member joins, the counselor is told, the chat goes on.
        var copy = await supervisor.ExpectAsync("［見守り］");
        await supervisor.TapAsync(copy.Postback("引き継ぐ")!);
        await she.ExpectAsync("別のスタッフが加わりました");
        await counselor.ExpectAsync($"{tag} はSV（");
        await supervisor.SayAsync("代わってお話を聞きますね");
        await she.ExpectAsync("代わってお話を聞きますね");
        await she.SayAsync("ありがとうございます");
        await supervisor.ExpectAsync($"{tag} ありがとうございます");

        // An urgent case calls the supervisor by itself as soon as the counselor accepts it.
        var second = await journey.ReadyConsulteeAsync("Usv-urgent-" + suffix, "富山市");
        await second.SayAsync("もう死にたい");
        var urgentCase = await counselor.AnswerOfferAsync(accept: true, offerNumber: 2);
        var urgentCall = await supervisor.ExpectAsync($"【SV要請】#{urgentCase[..4]}");
        Assert.Contains("緊急の相談が受け付けられました", urgentCall.Text);

        // The consultee saw none of it; the journal has every step.
        Assert.DoesNotContain(she.Inbox, m => m.Text.Contains("見守り", StringComparison.Ordinal) || m.Text.Contains("最終月経", StringComparison.Ordinal)
            || m.Text.Contains("SV", StringComparison.Ordinal) || m.Text.Contains("週数の判断", StringComparison.Ordinal));
        var journal = (await journey.Grains.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).Journal.Select(j => j.Step).ToList();
        Assert.Equal(["sv-called", "sv-phones", "sv-watch", "sv-whisper", "sv-takeover"], journal.Where(s => s.StartsWith("sv-", StringComparison.Ordinal)));
    }
}
