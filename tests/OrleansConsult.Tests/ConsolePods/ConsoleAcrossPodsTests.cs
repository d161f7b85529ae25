using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OrleansConsult.Tests.Board;
using OrleansConsult.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace OrleansConsult.Tests.ConsolePods;

/// <summary>
/// The console on two pods: two Host processes (separate OS processes) in one cluster on one PostgreSQL
/// database, no sticky sessions. Pod B starts without Program:File and takes the newest stored version; a
/// sign-in on pod A works on pod B (data protection keys shared in the database); a program edit on A is in
/// use on B within seconds and shows on B's live board.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed partial class ConsoleAcrossPodsTests(PostgresServer postgres, ITestOutputHelper output)
{
    private const string Password = "two-pods-password-1";

    [Fact]
    public async Task A_sign_in_on_pod_a_works_on_pod_b_which_started_from_the_stored_program_and_an_edit_on_a_is_in_use_on_b()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(
            ["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"]));
        const string clusterId = "console-pods";
        var portA = FreePort.Next();
        var portB = FreePort.Next();
        var podA = HostProcess.Start(connectionString, clusterId, ConsoleOn(portA));
        HostProcess? podB = null;
        await using var playwright = new PlaywrightSession();
        try
        {
            Assert.True(await podA.WaitReadyAsync(TimeSpan.FromSeconds(180)), "pod A did not become ready");
            var (code, printed) = await podA.RunCommandAsync("admin", "add", "pods@example.jp", "--role", "national");
            Assert.True(code == 0, printed);
            var setupLink = SetupLink().Match(printed).Value;
            Assert.StartsWith($"http://127.0.0.1:{portA}/", setupLink);

            var browser = await playwright.BrowserAsync();
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { Locale = "ja-JP" });
            var page = await context.NewPageAsync();
            await ConsoleBrowser.CompleteSetupAsync(page, setupLink, Password);

            // An edit on A before B exists: version 2 in the database, not in the file.
            await RenameToyamaAsync(page, portA, "富山県（二つのポッド）");

            podB = HostProcess.Start(connectionString, clusterId, new Dictionary<string, string>(ConsoleOn(portB)) { ["Program__File"] = "" });
            Assert.True(await podB.WaitReadyAsync(TimeSpan.FromSeconds(180)), "pod B (no Program:File) did not become ready");

            // The cookie A issued, sent by a plain client to B: signed in there too (keys from the shared database).
            var cookies = await context.CookiesAsync([$"http://127.0.0.1:{portA}/"]);
            Assert.NotEmpty(cookies);
            using (var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }))
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{portB}/Program");
                request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
                var response = await http.SendAsync(request);
                Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
                // B started from the stored version: the renamed tenant is in use there.
                Assert.Contains("富山県（二つのポッド）", await response.Content.ReadAsStringAsync());
            }

            // B's live board in the same browser (cookies go to any port of the host); an edit on A shows there.
            var board = await context.NewPageAsync();
            await board.GotoAsync($"http://127.0.0.1:{portB}/Board");
            var toyamaRow = board.Locator("tr[data-board='tenant:toyama'] th");
            await Expect(toyamaRow).ToContainTextAsync("富山県（二つのポッド）");
            var edited = Stopwatch.StartNew();
            await RenameToyamaAsync(page, portA, "富山県（A で変更）");
            await Expect(toyamaRow).ToContainTextAsync("富山県（A で変更）", new() { Timeout = 2000 });
            output.WriteLine($"B's live board showed A's edit {edited.ElapsedMilliseconds} ms after A saved it");

            // And B's pages use it (the program in use on B's silo, not only the table).
            var onB = await context.NewPageAsync();
            await onB.GotoAsync($"http://127.0.0.1:{portB}/Program");
            await Expect(onB.Locator("#tenants")).ToContainTextAsync("富山県（A で変更）");
            await ConsoleBrowser.ScreenshotAsync(board, "pods-board-on-b");
        }
        finally
        {
            await podA.DisposeAsync();
            if (podB is not null)
            {
                await podB.DisposeAsync();
            }
        }
    }

    private static IReadOnlyDictionary<string, string> ConsoleOn(int port) => new Dictionary<string, string>
    {
        ["Console__Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Console__PublicUrl"] = $"http://127.0.0.1:{port}/",
    };

    private static async Task RenameToyamaAsync(IPage page, int port, string name)
    {
        await page.GotoAsync($"http://127.0.0.1:{port}/Program/Tenant/toyama");
        await page.Locator("#display-name").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "窓口と案内を保存" }).ClickAsync();
        await Expect(page.Locator("#program-notice")).ToContainTextAsync("窓口と案内を保存しました");
    }

    [GeneratedRegex(@"http://\S+/Account/Setup/\S+")]
    private static partial Regex SetupLink();

    /// <summary>Debian's Chromium under Playwright, closed with the test.</summary>
    private sealed class PlaywrightSession : IAsyncDisposable
    {
        private IPlaywright? _playwright;
        private IBrowser? _browser;

        public async Task<IBrowser> BrowserAsync()
        {
            _playwright ??= await Playwright.CreateAsync();
            return _browser ??= await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ConsoleBrowser.ChromiumPath, Headless = true, Args = ["--no-sandbox"],
            });
        }

        public async ValueTask DisposeAsync()
        {
            if (_browser is not null)
            {
                await _browser.DisposeAsync();
            }
            _playwright?.Dispose();
        }
    }
}
