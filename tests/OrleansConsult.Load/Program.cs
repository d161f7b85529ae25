using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Load;
using OrleansConsult.LineSimulator;
using OrleansConsult.Storage;

// Plays LINE against a real Host process; exit 1 only when messages were lost or duplicated, 2 when it could not run.
LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(LoadOptions.Usage);
    return 2;
}

var outDir = Path.GetFullPath(options.Out);
Directory.CreateDirectory(outDir);
var work = Directory.CreateTempSubdirectory("oc-load-");
try
{
    var simulatorApp = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.AddDevelopmentChannels());
    await simulatorApp.StartAsync();
    await using var _ = simulatorApp;
    var simulator = simulatorApp.Services.GetRequiredService<OrleansConsult.LineSimulator.LineSimulator>();
    var sender = simulatorApp.Services.GetRequiredService<WebhookSender>();
    var http = simulatorApp.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.HttpClientName);

    var environment = new Dictionary<string, string>
    {
        // Development only so that counselors enroll with the program file's codes (in Production only by one-time
        // invitation, issue 10); every setting that matters here is given below and overrides appsettings.Development.json.
        ["DOTNET_ENVIRONMENT"] = "Development",
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["Program__File"] = LoadRun.WriteProgram(work.FullName, options.ConsulteesAtOnce, options.Counselors),
        ["Storage__MigrateOnStart"] = "true",
        ["Logging__LogLevel__Default"] = "Warning",
        // A fresh cluster id per run: PostgreSQL membership rows of an earlier run must not be mistaken for live silos.
        ["Orleans__ClusterId"] = "load-" + Guid.NewGuid().ToString("N")[..8],
    };
    foreach (var (name, value) in LineSimulatorApp.HostSettings(simulatorApp, "__"))
    {
        environment[name] = value;
    }
    if (options.Storage == "postgres")
    {
        environment["Storage__Mode"] = "PostgreSQL";
        environment["Storage__ConnectionString"] = options.ConnectionString!;
        environment["Transcripts__Keys"] = PayloadProtector.NewKeyRingEntry("load-1");
    }
    else
    {
        environment["Storage__Mode"] = "Embedded";
        environment["Storage__DataPath"] = Path.Combine(work.FullName, "data");
    }

    if (options.HostMemoryMiB > 0)
    {
        // What a container memory limit does to .NET (its GC heap limit is 75 % of the limit), for the Host only.
        environment["DOTNET_GCHeapHardLimit"] = (options.HostMemoryMiB * 1024L * 1024 * 3 / 4).ToString("X", System.Globalization.CultureInfo.InvariantCulture);
    }

    var hostDll = options.ResolveHostDll();
    Console.Error.WriteLine($"host {hostDll}, storage {options.Storage}, log {Path.Combine(outDir, "host.log")}");
    await using var host = HostChild.Start(hostDll, environment, Path.Combine(outDir, "host.log"));
    await host.WaitReadyAsync(http, TimeSpan.FromSeconds(120));
    simulator.Options.WebhookBase = new Uri(host.BaseAddress, "/line/webhook/{channel}").ToString();

    await using var mail = new Mailboxes(simulator);
    mail.Start();
    // Case ids derive from her grain key, a keyed pseudonym of her LINE id: the load generator computes the same one
    // from the Host's database and key ring, to map each offer card back to its consultee.
    var storage = options.Storage == "postgres"
        ? new StorageOptions { Mode = StorageMode.PostgreSql, ConnectionString = options.ConnectionString }
        : new StorageOptions { Mode = StorageMode.Embedded, DataPath = environment["Storage__DataPath"] };
    var pseudonyms = new LinePseudonyms(new Database(storage), KeyRing.Load(environment.GetValueOrDefault("Transcripts__Keys"), storage));
    var run = new LoadRun(options, sender, mail, host, http, pseudonyms);
    await run.RunAsync();
    await run.Report.WriteAsync(outDir);
    Console.WriteLine(run.Report.Markdown());
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"report: {Path.Combine(outDir, "report.md")} and report.json"));
    return run.Report.LostOrDuplicated > 0 ? 1 : 0;
}
catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or FileNotFoundException)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
finally
{
    try
    {
        work.Delete(recursive: true);
    }
    catch (IOException)
    {
        // The SQLite file may still be held for a moment; it is only a temp folder.
    }
}
