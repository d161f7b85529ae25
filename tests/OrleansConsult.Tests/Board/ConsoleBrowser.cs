using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrleansConsult.OperatorConsole.Accounts;
using OrleansConsult.Tests.Infrastructure;
using OrleansConsult.Tests.Journeys;

namespace OrleansConsult.Tests.Board;

/// <summary>
/// Debian's Chromium under Playwright (never Playwright's own browser download) against a journey host whose
/// console listens on a port of its own; accounts made through the console's account service and set up in
/// the browser with the setup link, a password and a TOTP code, as a person would.
/// </summary>
public sealed class ConsoleBrowser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;

    public JourneyHost Journey { get; private set; } = null!;

    public Uri ConsoleAddress { get; private set; } = null!;

    /// <summary>Screenshots go with the console's, under TestResults/console at the repository root (CI keeps TestResults).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot(), "TestResults", "console");

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansConsult.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? AppContext.BaseDirectory;
    }

    /// <summary>Embedded by default; <paramref name="settings"/> for another storage mode (e.g. HostRunner.Postgres), <paramref name="programFile"/> for another program.</summary>
    public static async Task<ConsoleBrowser> StartAsync(DateOnly tokyoDate, TimeSpan tokyoTime, Dictionary<string, string?>? settings = null, string? programFile = null)
    {
        var browser = new ConsoleBrowser();
        var port = FreePort.Next();
        browser.ConsoleAddress = new Uri($"http://127.0.0.1:{port}/");
        var data = new TempFolder();
        settings ??= HostRunner.Embedded(data.Path);
        settings["Console:Port"] = port.ToString();
        settings["Console:PublicUrl"] = browser.ConsoleAddress.ToString();
        browser.Journey = await JourneyHost.StartAsync(tokyoDate, tokyoTime, settings, programFile);
        browser._data = data;
        browser._playwright = await Playwright.CreateAsync();
        browser.Browser = await browser._playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
        return browser;
    }

    private TempFolder? _data;

    /// <summary>A signed-in page of a new account (role and scope as the admin command takes them), set up in the browser.</summary>
    public async Task<IPage> SignedInAsync(string email, string role, string scope)
    {
        AccountInvitation invitation;
        await using (var request = Journey.Host.Services.CreateAsyncScope())
        {
            invitation = await request.ServiceProvider.GetRequiredService<ConsoleAccounts>()
                .InviteAsync("(test)", ConsoleAccounts.CommandLine, email, role, scope, email.Split('@')[0]);
        }
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP", ViewportSize = new ViewportSize { Width = 1024, Height = 1366 } });
        var page = await context.NewPageAsync();
        var probe = await page.APIRequest.GetAsync(invitation.SetupLink);
        if (probe.Status != 200)
        {
            throw new InvalidOperationException($"The setup link answered {probe.Status}: {await probe.TextAsync()}");
        }
        await CompleteSetupAsync(page, invitation.SetupLink, "board-test-password-1");
        return page;
    }

    /// <summary>Sets an account up from its setup link as a person would (password, authenticator code) and waits for the home page.</summary>
    public static async Task CompleteSetupAsync(IPage page, string setupLink, string password)
    {
        await page.GotoAsync(setupLink);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("#confirm").FillAsync(password);
        var key = (await page.Locator("#totp-key").InnerTextAsync()).Replace(" ", "");
        await page.Locator("#code").FillAsync(new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp());
        await page.GetByRole(AriaRole.Button, new() { Name = "設定してサインイン" }).ClickAsync();
        await LeftForAsync(page, url => !url.Contains("/Account/Setup", StringComparison.Ordinal));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("ホーム", new() { Timeout = 30_000 });
    }

    /// <summary>
    /// Waits until the page's URL is one <paramref name="url"/> accepts, by reading it, not by any load event. Playwright's
    /// wait for a URL also waits for a load state once the URL matches, and on a loaded box that wait missed its event
    /// twice (30 s timeouts with "networkidle" seen: first for the load event, then with the commit state asked for).
    /// Callers then wait for what the page shows.
    /// </summary>
    public static async Task LeftForAsync(IPage page, Func<string, bool> url)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!url(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page stayed at {page.Url}.");
            }
            await Task.Delay(100);
        }
    }

    public string Url(string path) => new Uri(ConsoleAddress, path).ToString();

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Journey.DisposeAsync();
        _data?.Dispose();
    }
}
