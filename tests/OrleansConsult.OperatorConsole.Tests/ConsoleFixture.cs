using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using OrleansConsult.LineSimulator;
using OtpNet;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// One real Host process (console on its own port) with the LINE simulator and one headless
/// Chromium, shared by the console's browser tests. PostgreSQL when OC_TEST_POSTGRES is set (CI),
/// else the embedded SQLite file. Screenshots go to TestResults/console/ at the repository root.
/// </summary>
public sealed partial class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "kyoumo-genki-ni-2026";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "oc-console-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly SemaphoreSlim _nationalLock = new(1, 1);
    private readonly Dictionary<string, string> _environment = [];
    private WebApplication _simulatorApp = null!;
    private Process _host = null!;
    private IPlaywright _playwright = null!;
    private IBrowserContext? _national;
    private string? _adminConnectionString;
    private string? _database;

    public IBrowser Browser { get; private set; } = null!;
    public Uri Console { get; private set; } = null!;
    public Uri Public { get; private set; } = null!;
    public Uri SimulatorUrl { get; private set; } = null!;
    public string NationalEmail { get; } = "zenkoku@example.jp";
    public static string RepoRoot { get; } = FindRepoRoot();
    public static string Screenshots { get; } = Path.Combine(RepoRoot, "TestResults", "console");
    public System.Text.StringBuilder HostOutput { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Screenshots);
        _simulatorApp = LineSimulatorApp.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.AddDevelopmentChannels());
        await _simulatorApp.StartAsync();
        SimulatorUrl = LineSimulatorApp.BoundAddress(_simulatorApp);

        var publicPort = FreePort();
        var consolePort = FreePort();
        Public = new Uri($"http://127.0.0.1:{publicPort}/");
        Console = new Uri($"http://127.0.0.1:{consolePort}/");
        _simulatorApp.Services.GetRequiredService<LineSimulator.LineSimulator>().Options.WebhookBase = new Uri(Public, "/line/webhook/{channel}").ToString();

        _environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _environment["DOTNET_ENVIRONMENT"] = "Development";
        _environment["Console__Port"] = consolePort.ToString();
        _environment["Console__PublicUrl"] = Console.ToString();
        // Sessions are re-checked against their account every few seconds, so every test crosses a re-check.
        _environment["Console__SessionCheckInterval"] = "00:00:03";
        // The board stream's keepalive comment after 1 s of silence (15 s in production), so a test sees it.
        _environment["Console__BoardHeartbeat"] = "00:00:01";
        _environment["Management__Port"] = FreePort().ToString();
        _environment["Orleans__SiloPort"] = FreePort().ToString();
        _environment["Orleans__GatewayPort"] = FreePort().ToString();
        _environment["Program__File"] = Path.Combine(AppContext.BaseDirectory, "Samples", "program.sample.json");
        _environment["Logging__LogLevel__Default"] = "Warning";
        _environment["Line__Channels__staff__BasicId"] = "@octest";
        foreach (var (name, value) in LineSimulatorApp.HostSettings(_simulatorApp, "__"))
        {
            _environment[name] = value;
        }
        _adminConnectionString = Environment.GetEnvironmentVariable("OC_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(_adminConnectionString))
        {
            _database = "oc_console_" + Guid.NewGuid().ToString("N")[..12];
            await using (var connection = new NpgsqlConnection(_adminConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", connection);
                await create.ExecuteNonQueryAsync();
            }
            var clusterId = "console-" + Guid.NewGuid().ToString("N")[..8];
            _environment["Storage__Mode"] = "PostgreSQL";
            _environment["Storage__ConnectionString"] = new NpgsqlConnectionStringBuilder(_adminConnectionString) { Database = _database }.ToString();
            _environment["Storage__MigrateOnStart"] = "true";
            _environment["Transcripts__Keys"] = OrleansConsult.Storage.PayloadProtector.NewKeyRingEntry("console-test");
            _environment["Orleans__ClusterId"] = clusterId;
            _environment["Orleans__ServiceId"] = clusterId;
        }
        else
        {
            _environment["Storage__DataPath"] = _data;
        }

        _host = StartHost(["--urls", Public.ToString().TrimEnd('/')]);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var ready = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if ((await http.GetAsync(new Uri(Public, "/readyz"))).IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            if (_host.HasExited || ready.Elapsed > TimeSpan.FromSeconds(90))
            {
                throw new InvalidOperationException("The Host did not become ready:\n" + HostOutput);
            }
            await Task.Delay(250);
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    /// <summary>Runs a Host command (admin, audit) with the same settings, as an operator would; returns exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await error);
    }

    /// <summary>`admin add …`: the one-time setup link it prints.</summary>
    public async Task<string> AdminAddAsync(string email, params string[] options)
    {
        var (code, output) = await RunCommandAsync(["admin", "add", email, .. options]);
        Assert.True(code == 0, output);
        return SetupLinkPattern().Match(output).Value;
    }

    /// <summary>Opens the setup link, sets the password and registers the authenticator (the code computed with Otp.NET). Returns the key.</summary>
    public async Task<string> SetUpAsync(IPage page, string link, string? screenshot = null)
    {
        await page.GotoAsync(link);
        var key = (await page.Locator("#totp-key").InnerTextAsync()).Replace(" ", "");
        await page.GetByLabel("新しいパスワード（12文字以上）").FillAsync(Password);
        await page.GetByLabel("新しいパスワード（確認）").FillAsync(Password);
        await page.GetByLabel("アプリに表示された6桁の確認コード").FillAsync(Code(key));
        if (screenshot is not null)
        {
            await ScreenshotAsync(page, screenshot);
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "設定してサインイン" }).ClickAsync();
        // The URL as the page reads it (an assertion that polls), then the home page's heading: Playwright's wait for a
        // URL also waits for a load state, and its client has missed that event on a loaded CI box.
        await Assertions.Expect(page).ToHaveURLAsync(Console.ToString(), new() { Timeout = 30_000 });
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ホーム", new() { Timeout = 30_000 });
        return key;
    }

    /// <summary>A code from the authenticator; <paramref name="ahead"/> steps ahead so a code already used in this step is not replayed.</summary>
    public static string Code(string key, int ahead = 0) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30 * ahead));

    /// <summary>A browser context signed in as the national admin (made once, from the command line).</summary>
    public async Task<IPage> NationalPageAsync()
    {
        await _nationalLock.WaitAsync();
        try
        {
            if (_national is null)
            {
                var link = await AdminAddAsync(NationalEmail, "--role", "national", "--name", "全国 管理者");
                _national = await NewContextAsync();
                await SetUpAsync(await _national.NewPageAsync(), link);
            }
            return await _national.NewPageAsync();
        }
        finally
        {
            _nationalLock.Release();
        }
    }

    public async Task<IBrowserContext> NewContextAsync() =>
        await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Console.ToString(),
            Locale = "ja-JP",
            TimezoneId = "Asia/Tokyo",
            AcceptDownloads = true,
            // A tablet in landscape.
            ViewportSize = new ViewportSize { Width = 1180, Height = 820 },
        });

    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    /// <summary>Sends text from a simulated LINE user on the staff channel, through the simulator's HTTP API (signed webhook to the Host).</summary>
    public async Task StaffPhoneSaysAsync(string userId, string text)
    {
        using var http = new HttpClient { BaseAddress = SimulatorUrl };
        var response = await http.PostAsync($"/_sim/users/staff/{userId}/text",
            new StringContent(System.Text.Json.JsonSerializer.Serialize(new { text }), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task<string> StaffPhoneInboxAsync(string userId)
    {
        using var http = new HttpClient { BaseAddress = SimulatorUrl };
        return await http.GetStringAsync($"/_sim/users/staff/{userId}/messages");
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }
        // The Host's warnings and errors, next to the screenshots (CI keeps TestResults).
        lock (HostOutput)
        {
            File.WriteAllText(Path.Combine(Screenshots, "host.log"), HostOutput.ToString());
        }
        await _simulatorApp.DisposeAsync();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_adminConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private Process StartHost(string[] args)
    {
        var process = Process.Start(StartInfo(args))!;
        process.OutputDataReceived += (_, e) => { lock (HostOutput) { HostOutput.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (HostOutput) { HostOutput.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private ProcessStartInfo StartInfo(string[] args)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "OrleansConsult.Host.dll"), .. args])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (name, value) in _environment)
        {
            info.Environment[name] = value;
        }
        return info;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static string FindRepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansConsult.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("OrleansConsult.sln not found above the test binaries.");
    }

    [GeneratedRegex(@"http://\S+/Account/Setup/\S+")]
    private static partial Regex SetupLinkPattern();
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
