using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.LineSimulator;
using OrleansConsult.Testing;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Journeys;

namespace OrleansConsult.Tests.Drills;

/// <summary>
/// What the process drills share: a migrated PostgreSQL database, the LINE simulator, and the
/// environment a Host process needs to run an all-day program against both (Development, so its
/// staff enroll with the program file's codes).
/// </summary>
public sealed class DrillStage : IAsyncDisposable
{
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

    /// <summary>Environment variables for <see cref="HostProcess.Start"/>; a drill may add its own.</summary>
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

    /// <summary>LINE sends webhooks to this process.</summary>
    public void SendWebhooksTo(HostProcess host) =>
        Simulator.Options.WebhookBase = $"http://127.0.0.1:{host.HttpPort}/line/webhook/{{channel}}";

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

    public ValueTask DisposeAsync() => SimulatorApp.DisposeAsync();
}
