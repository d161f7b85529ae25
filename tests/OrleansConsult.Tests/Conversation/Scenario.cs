using OrleansConsult.Abstractions;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Conversation;

/// <summary>
/// Drives grains the way webhooks do (events into the LINE user grains) and reads what they sent
/// from the recording outbound. Each scenario takes an area of its own (a queue nobody else uses)
/// and moves the shared fake clock forward only.
/// </summary>
public sealed class Scenario(IGrainFactory grains, RecordingOutbound outbound, Microsoft.Extensions.Time.Testing.FakeTimeProvider clock, bool withoutPool = false)
{
    private static int _nextArea;
    private static int _nextAreaWithoutPool = TestProgram.WithPool;

    public Scenario(ClusterFixture fixture, bool withoutPool = false) : this(fixture.Grains, ClusterFixture.Outbound, ClusterFixture.Clock, withoutPool)
    {
    }

    /// <summary>An area of its own: one that overflows to its pool, or (<c>withoutPool</c>) one that configures no overflow.</summary>
    public int Area { get; } = Take(withoutPool);

    /// <summary>
    /// Running past the range would hand two scenarios one queue (or an area the program lacks), and the
    /// failures would look like routing bugs: say so instead.
    /// </summary>
    private static int Take(bool withoutPool)
    {
        var area = withoutPool ? Interlocked.Increment(ref _nextAreaWithoutPool) : Interlocked.Increment(ref _nextArea);
        var last = withoutPool ? TestProgram.Areas : TestProgram.WithPool;
        return area <= last ? area : throw new InvalidOperationException(
            $"The test program has only {last} areas {(withoutPool ? "without" : "with")} a pool and this run used them all: raise TestProgram.Areas / WithPool.");
    }

    public string TenantId => $"a{Area}";
    public string PoolId => $"p{Area}";
    public IGrainFactory Grains => grains;
    public RecordingOutbound Outbound => outbound;

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Moves the clock forward to the next <paramref name="day"/> at hh:mm Tokyo time that is not a holiday or year-end.</summary>
    public void MoveTo(DayOfWeek day, int hour, int minute = 0)
    {
        var local = JapaneseCalendar.ToTokyo(Now);
        var date = DateOnly.FromDateTime(local.DateTime).AddDays(1);
        while (date.DayOfWeek != day || JapaneseCalendar.Instance.IsPublicHoliday(date) || JapaneseCalendar.IsYearEnd(date)
               || JapaneseCalendar.Instance.IsPublicHoliday(date.AddDays(-1)) || JapaneseCalendar.Instance.IsPublicHoliday(date.AddDays(1)))
        {
            date = date.AddDays(1);
        }
        clock.SetUtcNow(JapaneseCalendar.AtTokyo(date, new TimeSpan(hour, minute, 0)));
    }

    /// <summary>
    /// Moves the clock forward to the next <paramref name="day"/> that is a public holiday, at hh:mm Tokyo time
    /// (the shared clock only moves forward, so a fixed date would depend on how many tests ran before).
    /// </summary>
    public void MoveToNextHoliday(DayOfWeek day, int hour, int minute = 0)
    {
        var date = DateOnly.FromDateTime(JapaneseCalendar.ToTokyo(Now).DateTime).AddDays(1);
        while (date.DayOfWeek != day || !JapaneseCalendar.Instance.IsPublicHoliday(date) || JapaneseCalendar.IsYearEnd(date))
        {
            date = date.AddDays(1);
        }
        MoveToDate(date, hour, minute);
    }

    /// <summary>Moves the clock forward to <paramref name="date"/> hh:mm Tokyo time.</summary>
    public void MoveToDate(DateOnly date, int hour, int minute = 0) =>
        clock.SetUtcNow(JapaneseCalendar.AtTokyo(date, new TimeSpan(hour, minute, 0)));

    public void Advance(TimeSpan by) => clock.Advance(by);

    public Person Consultee(string name = "c") => new(this, "consultee", $"U{name}{Area}x{Guid.NewGuid():N}");

    public Person Staff(string counselorSuffix) => new(this, "staff", $"Ustaff{Area}{counselorSuffix}x{Guid.NewGuid():N}")
    {
        CounselorId = counselorSuffix.StartsWith('n') ? $"p{Area}-{counselorSuffix}" : $"a{Area}-{counselorSuffix}",
    };

    public IDispatcherGrain LocalDispatcher => Grains.GetGrain<IDispatcherGrain>($"tenant:{TenantId}");
    public IDispatcherGrain PoolDispatcher => Grains.GetGrain<IDispatcherGrain>($"pool:{PoolId}");

    public async Task TickAsync()
    {
        await LocalDispatcher.TickAsync();
        await PoolDispatcher.TickAsync();
    }

    /// <summary>A consultee ready to talk: followed, consented, area chosen.</summary>
    public async Task<Person> ReadyConsulteeAsync(string name = "c")
    {
        var person = Consultee(name);
        await person.SendAsync(MoreEvents.Follow());
        await person.TapAsync("consent:yes");
        await person.SayAsync($"テスト県{Area}");
        return person;
    }

    /// <summary>An enrolled counselor (c1, c2, c3) or nurse (n1, n2), on shift.</summary>
    public async Task<Person> OnShiftAsync(string suffix)
    {
        var staff = Staff(suffix);
        var code = suffix.StartsWith('n') ? $"P{Area}-{suffix.ToUpperInvariant()}" : $"A{Area}-{suffix.ToUpperInvariant()}";
        await staff.SayAsync(code);
        await staff.SayAsync("出勤");
        return staff;
    }
}

public sealed class Person(Scenario scenario, string channel, string userId)
{
    public string Channel => channel;
    public string UserId => userId;
    public string? CounselorId { get; init; }

    private ILineUserGrain Grain => channel == "staff"
        ? scenario.Grains.GetGrain<IStaffLineUserGrain>(GrainKeys.LineUser(channel, userId))
        : scenario.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser(channel, userId));

    public IConsulteeGrain AsConsultee => scenario.Grains.GetGrain<IConsulteeGrain>(GrainKeys.LineUser(channel, userId));
    public ICounselorGrain AsCounselor => scenario.Grains.GetGrain<ICounselorGrain>(CounselorId!);

    public IReadOnlyList<SentMessage> Received => scenario.Outbound.To(userId);

    public IEnumerable<string> Texts => Received.Select(m => m.Text);

    /// <summary>Sends an event as a webhook would and waits until her grain has worked it.</summary>
    public async Task SendAsync(InboundLineEvent e)
    {
        await Grain.AcceptAsync(e with { Timestamp = scenario.Now, UserId = userId });
        // A hang guard, not a speed limit: a fresh two-silo cluster's first event also loads the 700-area test
        // program, and once in a full suite on two busy cores that took longer than 10 s.
        Assert.True(await Eventually.TrueAsync(async () => (await Grain.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(30)),
            "the grain did not work its events");
    }

    public Task SayAsync(string text) => SendAsync(Events.Text(text));

    public Task TapAsync(string postbackData) => SendAsync(MoreEvents.Postback(postbackData));

    /// <summary>Waits until a message containing <paramref name="fragment"/> arrives (one-way messages take a moment).</summary>
    public async Task<SentMessage> ExpectAsync(string fragment, int atLeast = 1)
    {
        SentMessage? found = null;
        var ok = await Eventually.TrueAsync(() =>
        {
            var matching = Received.Where(m => m.Text.Contains(fragment, StringComparison.Ordinal)).ToList();
            found = matching.Count >= atLeast ? matching[^1] : null;
            return Task.FromResult(found is not null);
        }, TimeSpan.FromSeconds(10));
        Assert.True(ok, $"{channel} user never received '{fragment}'. Got:\n{string.Join("\n---\n", Texts)}");
        return found!;
    }

    public int Count(string fragment) => Received.Count(m => m.Text.Contains(fragment, StringComparison.Ordinal));

    /// <summary>Taps the button of the latest offer card: 対応する or 見送る.</summary>
    public async Task<string> AnswerOfferAsync(bool accept, int offerNumber = 1)
    {
        var card = await ExpectAsync("新しい相談があります", offerNumber);
        var data = card.Postback(accept ? "対応する" : "見送る")!;
        await TapAsync(data);
        return data.Split(':')[^1];
    }
}
