using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.LineSimulator;
using OrleansConsult.Testing;
using OrleansConsult.Tests.Journeys;

namespace OrleansConsult.Tests.Infrastructure;

/// <summary>
/// What the process drills share: a migrated PostgreSQL database, the LINE simulator, the environment a Host
/// process needs to run an all-day program against both (Development, so its staff enroll with the program
/// file's codes), Host processes started and SIGKILLed on that data, a connected chat, and the count of what
/// reached LINE. Each drill keeps its own faults and what it asserts.
/// </summary>
public sealed class DrillStage : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(90);

    private DrillStage(string connectionString, WebApplication simulatorApp, string prefix, Dictionary<string, string> environment)
    {
        ConnectionString = connectionString;
        SimulatorApp = simulatorApp;
        Prefix = prefix;
        Environment = environment;
        Users = simulatorApp.Services.GetRequiredService<WebhookSender>();
    }

    public string ConnectionString { get; }
    public WebApplication SimulatorApp { get; }
    public string Prefix { get; }
    public WebhookSender Users { get; }
    public LineSimulator.LineSimulator Simulator => Users.Simulator;

    /// <summary>Environment variables for <see cref="HostProcess.Start"/>; a drill may add its own before it starts a Host.</summary>
    public Dictionary<string, string> Environment { get; }

    public static async Task<DrillStage> StartAsync(PostgresServer postgres, string folder, string prefix, int counselors, int casesEach)
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"]));
        var simulatorApp = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.AddDevelopmentChannels());
        await simulatorApp.StartAsync();
        var environment = LineSimulatorApp.HostSettings(simulatorApp, "__");
        environment["Program__File"] = AllDayProgram.Write(folder, prefix, counselors, casesEach);
        environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return new DrillStage(connectionString, simulatorApp, prefix, environment);
    }

    /// <summary>
    /// <paramref name="count"/> Host processes of one cluster on the stage's data, all ready; LINE sends its webhooks
    /// to the first. The caller disposes them.
    /// </summary>
    public async Task<List<HostProcess>> StartHostsAsync(string clusterId, int count = 1)
    {
        var hosts = Enumerable.Range(0, count).Select(_ => HostProcess.Start(ConnectionString, clusterId, Environment)).ToList();
        try
        {
            foreach (var host in hosts)
            {
                Assert.True(await host.WaitReadyAsync(ReadyWithin), "a Host did not become ready");
            }
        }
        catch
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
            throw;
        }
        SendWebhooksTo(hosts[0]);
        return hosts;
    }

    /// <summary>LINE sends webhooks to this process.</summary>
    public void SendWebhooksTo(HostProcess host) =>
        Simulator.Options.WebhookBase = $"http://127.0.0.1:{host.HttpPort}/line/webhook/{{channel}}";

    /// <summary>
    /// SIGKILL, then the same process started again on the same data (as a container restarts in its pod), ready.
    /// <paramref name="whileDown"/> runs between the two (a drill ends its faults there). The old one is disposed;
    /// the new one keeps its port, so LINE's webhooks reach it.
    /// </summary>
    public static async Task<HostProcess> KillAndRestartAsync(HostProcess host, Action? whileDown = null)
    {
        host.Kill();
        whileDown?.Invoke();
        var again = host.StartAgain();
        await host.DisposeAsync();
        Assert.True(await again.WaitReadyAsync(ReadyWithin), "the Host did not come back");
        return again;
    }

    /// <summary>Counselor <paramref name="number"/> of the program, enrolled with its code and on shift.</summary>
    public async Task<Phone> OnShiftAsync(string userId, int number)
    {
        var phone = new Phone(Users, "staff", userId);
        await phone.SayAsync(AllDayProgram.EnrollmentCode(Prefix, number));
        await phone.ExpectAsync("として登録しました", seconds: 30);
        await phone.SayAsync("出勤");
        await phone.ExpectAsync("状態を「出勤」にしました", seconds: 30);
        return phone;
    }

    /// <summary>A new consultee who follows, consents, names the program's area and asks: her case is offered next.</summary>
    public async Task<Phone> AskingAsync(string userId)
    {
        var she = new Phone(Users, "consultee", userId);
        await she.FollowAsync();
        await she.TapAsync("consent:yes");
        await she.SayAsync(AllDayProgram.Area);
        await she.ExpectAsync("の相談窓口につながります", seconds: 30);
        await she.SayAsync("相談する");
        return she;
    }

    /// <summary>Counselor 1 on shift and a consultee connected to her.</summary>
    public async Task<(Phone Counselor, Phone Consultee)> ConnectedChatAsync(string counselorUserId, string consulteeUserId)
    {
        var counselor = await OnShiftAsync(counselorUserId, 1);
        var she = await AskingAsync(consulteeUserId);
        await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました", seconds: 30);
        return (counselor, she);
    }

    /// <summary>Copies of exactly this message at LINE's side (the counselor's copy starts with the case tag).</summary>
    public static int Delivered(Phone phone, string text) =>
        phone.Inbox.Count(m => m.Text == text || m.Text.EndsWith(" " + text, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => SimulatorApp.DisposeAsync();
}
