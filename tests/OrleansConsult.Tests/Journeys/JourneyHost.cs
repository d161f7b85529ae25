using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.LineSimulator;
using OrleansConsult.Tenancy;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// The Host (silo + webhooks) and the LINE simulator over real HTTP both ways, with the program's
/// clock under the test's control (LINE's own clock, in the simulator, stays real).
/// </summary>
public sealed class JourneyHost : IAsyncDisposable
{
    private readonly TempFolder _data = new();
    private WebApplication _simulatorApp = null!;

    public HostRunner Host { get; private set; } = null!;
    public LineSimulator.LineSimulator Simulator { get; private set; } = null!;
    public WebhookSender Users { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new();
    public IGrainFactory Grains => Host.Grains;

    /// <summary>Starts at <paramref name="tokyoDate"/> <paramref name="tokyoTime"/> with the sample program (or <paramref name="programFile"/>).</summary>
    public static async Task<JourneyHost> StartAsync(DateOnly tokyoDate, TimeSpan tokyoTime, Dictionary<string, string?>? settings = null, string? programFile = null,
        Action<WebApplicationBuilder>? configure = null)
    {
        var journey = new JourneyHost();
        journey.Clock.SetUtcNow(JapaneseCalendar.AtTokyo(tokyoDate, tokyoTime));
        journey._simulatorApp = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.AddDevelopmentChannels());
        await journey._simulatorApp.StartAsync();
        journey.Simulator = journey._simulatorApp.Services.GetRequiredService<LineSimulator.LineSimulator>();
        journey.Users = journey._simulatorApp.Services.GetRequiredService<WebhookSender>();

        settings ??= HostRunner.Embedded(journey._data.Path);
        foreach (var (name, value) in LineSimulatorApp.HostSettings(journey._simulatorApp))
        {
            settings[name] = value;
        }
        if (programFile is not null)
        {
            settings["Program:File"] = programFile;
        }
        journey.Host = await HostRunner.StartAsync(settings, builder =>
        {
            builder.Services.AddSingleton(new EngineClock(journey.Clock));
            configure?.Invoke(builder);
        });
        journey.Simulator.Options.WebhookBase = new Uri(journey.Host.BaseAddress, "/line/webhook/{channel}").ToString();
        return journey;
    }

    public Phone Consultee(string userId) => new(Users, "consultee", userId);

    public Phone Staff(string userId) => new(Users, "staff", userId);

    /// <summary>A consultee who followed, consented and chose her area.</summary>
    public async Task<Phone> ReadyConsulteeAsync(string userId, string area)
    {
        var phone = Consultee(userId);
        await phone.FollowAsync();
        await phone.ExpectAsync("ご利用の前に");
        await phone.TapAsync("consent:yes");
        await phone.ExpectAsync("お住まいの都道府県");
        await phone.SayAsync(area);
        await phone.ExpectAsync("の相談窓口につながります");
        return phone;
    }

    /// <summary>A staff member enrolled with her one-time code and on shift.</summary>
    public async Task<Phone> OnShiftAsync(string userId, string enrollmentCode)
    {
        var phone = Staff(userId);
        await phone.SayAsync(enrollmentCode);
        await phone.ExpectAsync("として登録しました");
        await phone.SayAsync("出勤");
        await phone.ExpectAsync("状態を「出勤」にしました");
        return phone;
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _simulatorApp.DisposeAsync();
        _data.Dispose();
    }
}
