using System.Globalization;
using Microsoft.Playwright;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Records;
using OrleansConsult.Tests.Board;
using static Microsoft.Playwright.Assertions;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// Plays the scripted month: the LINE cases on the simulator's phones (consultees, Toyama's counselors さくら and みどり,
/// the pool's nurse かおり) with the clock moved to each case, the erasure, then the console's part in Chromium:
/// the phone calls, the supervisor's classifications and referrals, and the report's CSV.
/// </summary>
public sealed class MonthPlayer(ConsoleBrowser console, MonthScript script)
{
    private const string SakuraCode = "TYM-4K7Q-9M2X", MidoriCode = "TYM-8P3D-6R1Z", KaoriCode = "NAT-7D4G-2S6Y";
    private readonly Dictionary<string, Phone> _people = [];
    private readonly Dictionary<int, string> _caseIds = [];
    private readonly string _run = Guid.NewGuid().ToString("N")[..6];
    private Phone _sakura = null!, _midori = null!, _kaori = null!;

    private JourneyHost Journey => console.Journey;

    public IReadOnlyDictionary<int, string> CaseIds => _caseIds;

    public async Task PlayLineAsync()
    {
        _sakura = await EnrolledAsync("Umonth-sakura-" + _run, SakuraCode);
        _midori = await EnrolledAsync("Umonth-midori-" + _run, MidoriCode);
        _kaori = await EnrolledAsync("Umonth-kaori-" + _run, KaoriCode);
        var erased = false;
        foreach (var c in script.LineCases)
        {
            if (!erased && c.OpenedAt > MonthScript.ErasureAt)
            {
                await EraseAsync(_people[MonthScript.ErasedPerson]);
                erased = true;
            }
            await PlayAsync(c);
        }
    }

    private async Task<Phone> EnrolledAsync(string userId, string code)
    {
        var phone = Journey.Staff(userId);
        await phone.SayAsync(code);
        await phone.ExpectAsync("として登録しました");
        return phone;
    }

    /// <summary>Moves the program's clock forward to <paramref name="at"/> and lets both dispatchers see it (what their timers do).</summary>
    private async Task MoveToAsync(DateTimeOffset at)
    {
        Assert.True(at >= Journey.Clock.GetUtcNow(), $"the script goes back in time at {at}");
        Journey.Clock.SetUtcNow(at);
        await Journey.Grains.GetGrain<IDispatcherGrain>("tenant:toyama").TickAsync();
        await Journey.Grains.GetGrain<IDispatcherGrain>("pool:national").TickAsync();
    }

    private Phone StaffFor(MonthLineCase c) => StaffIdFor(c) switch { "nat-n01" => _kaori, "tym-c01" => _sakura, _ => _midori };

    /// <summary>Who answers a case, as the program names her: the pool's かおり, else さくら and みどり by turns.</summary>
    public static string StaffIdFor(MonthLineCase c) => c.ByPool ? "nat-n01" : c.Number % 2 == 0 ? "tym-c01" : "tym-c02";

    private async Task<Phone> PersonAsync(string person)
    {
        if (!_people.TryGetValue(person, out var phone))
        {
            phone = await Journey.ReadyConsulteeAsync($"Umonth-{person}-{_run}", "富山市");
            _people[person] = phone;
        }
        return phone;
    }

    private static async Task ShiftAsync(Phone staff, string word)
    {
        var mark = staff.Mark();
        await staff.SayAsync(word);
        await staff.ExpectAfterAsync(mark, $"状態を「{word}」にしました");
    }

    private async Task PlayAsync(MonthLineCase c)
    {
        await MoveToAsync(c.OpenedAt);
        var she = await PersonAsync(c.Person);
        var staff = StaffFor(c);
        if (!c.LeftMessage)
        {
            await ShiftAsync(staff, "出勤");
        }
        var staffMark = staff.Mark();
        var herMark = she.Mark();
        await she.SayAsync(c.Urgent ? "彼に殴られました" : "相談する");
        if (c.LeftMessage)
        {
            var closed = await she.ExpectAfterAsync(herMark, "ただいま受付時間外です");
            await she.TapAsync(closed.Postback("メッセージを残す")!);
            await she.SayAsync($"相談{c.Number}：受付が始まったらお話ししたいです");
            await she.ExpectAfterAsync(herMark, "メッセージをお預かりしました");
            await MoveToAsync(c.AnsweredAt);
            staffMark = staff.Mark();
            await ShiftAsync(staff, "出勤"); // what waits is offered at once
        }
        var card = await staff.ExpectAfterAsync(staffMark, "新しい相談があります");
        if (!c.LeftMessage)
        {
            Journey.Clock.Advance(c.Wait);
        }
        var accept = card.Postback("対応する")!;
        await staff.TapAsync(accept);
        _caseIds[c.Number] = accept.Split(':')[^1];
        await she.ExpectAfterAsync(herMark, "とつながりました");

        staffMark = staff.Mark();
        await she.SayAsync($"相談{c.Number}です。生理が遅れていて不安です");
        await staff.ExpectAfterAsync(staffMark, $"相談{c.Number}です");
        herMark = she.Mark();
        await staff.SayAsync("お話しくださりありがとうございます");
        await she.ExpectAfterAsync(herMark, "お話しくださりありがとうございます");
        if (c.LineReferral is { } referral)
        {
            await ReferOnLineAsync(staff, referral);
        }

        staffMark = staff.Mark();
        herMark = she.Mark();
        await staff.SayAsync("/終了");
        await she.ExpectAfterAsync(herMark, "ご相談ありがとうございました");
        if (c.Survey is { } score)
        {
            var survey = await she.ExpectAfterAsync(herMark, "1（よくなかった）〜5");
            await she.TapAsync(survey.Postback(score.ToString(CultureInfo.InvariantCulture))!);
            await she.ExpectAfterAsync(herMark, "お答えいただきありがとうございました");
        }
        await RecordOnLineAsync(staff, staffMark, c.ClassifiedInConsole ? null : c.Classification);
        await ShiftAsync(staff, "退勤");
    }

    /// <summary>The /記録 form that follows /終了: a tap per topic, 次へ, 年代, 週数, a tap per action (完了 after the second); or あとで.</summary>
    private static async Task RecordOnLineAsync(Phone staff, long mark, Abstractions.Records.CaseClassification? classification)
    {
        var question = await staff.ExpectAfterAsync(mark, "の記録（1/4）");
        if (classification is null)
        {
            mark = staff.Mark();
            await staff.TapLabelAsync(question, "あとで");
            await staff.ExpectAfterAsync(mark, "の記録はあとにしました");
            return;
        }
        foreach (var topic in classification.Topics)
        {
            mark = staff.Mark();
            await staff.TapLabelAsync(question, FormQuestions.Label(topic));
            question = await staff.ExpectAfterAsync(mark, "選択中：");
        }
        mark = staff.Mark();
        await staff.TapLabelAsync(question, "次へ");
        question = await staff.ExpectAfterAsync(mark, "の記録（2/4）");
        mark = staff.Mark();
        await staff.TapLabelAsync(question, FormQuestions.Label(classification.AgeBand!));
        question = await staff.ExpectAfterAsync(mark, "の記録（3/4）");
        mark = staff.Mark();
        await staff.TapLabelAsync(question, FormQuestions.Label(classification.PregnancyWeeks!));
        question = await staff.ExpectAfterAsync(mark, "の記録（4/4）");
        foreach (var action in classification.Actions)
        {
            mark = staff.Mark();
            await staff.TapLabelAsync(question, FormQuestions.Label(action));
            question = await staff.ExpectAfterAsync(mark, "の記録を保存しました");
        }
        if (classification.Actions.Count > 1)
        {
            mark = staff.Mark();
            await staff.TapLabelAsync(question, "完了");
            await staff.ExpectAfterAsync(mark, "の記録を終えました");
        }
    }

    private static async Task ReferOnLineAsync(Phone staff, MonthReferral referral)
    {
        var mark = staff.Mark();
        await staff.SayAsync("/紹介");
        var ask = await staff.ExpectAfterAsync(mark, "紹介先の種類を選んでください");
        mark = staff.Mark();
        await staff.TapLabelAsync(ask, FormQuestions.Label(referral.Destination));
        ask = await staff.ExpectAfterAsync(mark, "状況を選んでください");
        mark = staff.Mark();
        await staff.TapLabelAsync(ask, FormQuestions.Label(referral.Status));
        await staff.ExpectAfterAsync(mark, "紹介先の名前");
        mark = staff.Mark();
        await staff.SayAsync(referral.Place);
        await staff.ExpectAfterAsync(mark, $"紹介先「{referral.Place}」を記録しました");
    }

    private async Task EraseAsync(Phone she)
    {
        await MoveToAsync(MonthScript.ErasureAt);
        var mark = she.Mark();
        await she.SayAsync("相談記録の削除");
        var confirm = await she.ExpectAfterAsync(mark, "削除しますか？");
        await she.TapAsync(confirm.Postback("削除する")!);
        await she.ExpectAfterAsync(mark, "相談記録を削除しました");
    }

    /// <summary>The console's part, after the month: phone calls by the tenant's officer, classifications and referrals by its supervisor.</summary>
    public async Task PlayConsoleAsync(IPage officer, IPage supervisor)
    {
        foreach (var call in script.PhoneCalls)
        {
            await officer.GotoAsync(console.Url("Records/Phone/" + MonthScript.Tenant));
            await officer.Locator("#at").FillAsync(call.At.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
            await officer.Locator("#duration").FillAsync(call.Minutes.ToString(CultureInfo.InvariantCulture));
            if (call.Urgent) await officer.GetByLabel("緊急", new() { Exact = true }).CheckAsync();
            await FillClassificationAsync(officer, call.Classification);
            await officer.Locator("#save-phone").ClickAsync();
            await ConsoleBrowser.LeftForAsync(officer, url => url.Contains("/Records/Case/tel-", StringComparison.Ordinal));
            await Expect(officer.Locator("dl.report-heading")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            if (call.Referral is { } referral)
            {
                await AddReferralAsync(officer, referral);
            }
        }
        foreach (var c in script.CountedLineCases.Where(c => c.ClassifiedInConsole || c.ConsoleReferral is not null))
        {
            await supervisor.GotoAsync(console.Url("Records/Case/" + _caseIds[c.Number]));
            if (c.ClassifiedInConsole)
            {
                await FillClassificationAsync(supervisor, c.Classification!);
                await supervisor.Locator("#save-classification").ClickAsync();
                await Expect(supervisor.Locator("p.notice")).ToHaveTextAsync("分類を保存しました。");
            }
            if (c.ConsoleReferral is { } referral)
            {
                await AddReferralAsync(supervisor, referral);
            }
        }
    }

    private static async Task FillClassificationAsync(IPage page, Abstractions.Records.CaseClassification classification)
    {
        foreach (var topic in classification.Topics) await page.GetByLabel(topic, new() { Exact = true }).CheckAsync();
        foreach (var action in classification.Actions) await page.GetByLabel(action, new() { Exact = true }).CheckAsync();
        await page.Locator("#age").SelectOptionAsync(classification.AgeBand!);
        await page.Locator("#weeks").SelectOptionAsync(classification.PregnancyWeeks!);
    }

    private static async Task AddReferralAsync(IPage page, MonthReferral referral)
    {
        await page.Locator("#destination").SelectOptionAsync(referral.Destination);
        await page.Locator("#place").FillAsync(referral.Place);
        await page.Locator("#rstatus").SelectOptionAsync(referral.Status);
        if (referral.AccompaniedOn is { } on) await page.Locator("#acc-on").FillAsync(on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (referral.AccompaniedBy is { } by) await page.Locator("#acc-by").FillAsync(by);
        if (referral.ShelterNights is { } nights) await page.Locator("#nights").FillAsync(nights.ToString(CultureInfo.InvariantCulture));
        await page.Locator("#add-referral").ClickAsync();
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("つなぎ先を追加しました。");
    }
}
