using System.Diagnostics;
using ClosedXML.Excel;
using OrleansConsult.Tests.Board;
using OrleansConsult.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansConsult.Tests.Journeys.Month;

/// <summary>
/// November 2026 in Toyama through the LINE simulator and the console (headless Chromium), on SQLite (embedded) and on
/// PostgreSQL: 48 LINE cases played on the phones and 10 phone calls typed into the console's form, a consultee's
/// erasure, classifications and referrals from LINE and from the console; then the officer downloads the month's
/// report as CSV and every cell equals what the test counts from its own script (<see cref="MonthCount"/>).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScriptedMonthJourneyTests(PostgresServer postgres, ITestOutputHelper output) : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>The sample program with Toyama's Wed/Fri hours to 19:00, overlapping the pool's 18:00–22:00.</summary>
    private string ProgramWithEveningOverlap()
    {
        var sample = File.ReadAllText(HostRunner.SampleProgram);
        const string WedFri = "{ \"Days\": [ \"Wed\", \"Fri\" ], \"Start\": \"14:00\", \"End\": \"18:00\" }";
        Assert.Contains(WedFri, sample);
        var path = Path.Combine(_folder.Path, "program.json");
        File.WriteAllText(path, sample.Replace(WedFri, WedFri.Replace("18:00", "19:00", StringComparison.Ordinal), StringComparison.Ordinal));
        return path;
    }

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task The_month_played_on_LINE_and_in_the_console_gives_a_report_equal_to_the_scripts_own_count(string mode)
    {
        Dictionary<string, string?>? settings = null;
        if (mode == "postgres")
        {
            settings = HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "month-" + Guid.NewGuid().ToString("N")[..8]);
            settings["Storage:MigrateOnStart"] = "true";
        }
        var script = new MonthScript();
        await using var console = await ConsoleBrowser.StartAsync(new DateOnly(2026, 11, 1), TimeSpan.FromHours(18), settings, ProgramWithEveningOverlap());
        var player = new MonthPlayer(console, script);

        var watch = Stopwatch.StartNew();
        await player.PlayLineAsync();
        var lineTime = watch.Elapsed;
        var officer = await console.SignedInAsync("officer@toyama.example.jp", "tenant", MonthScript.Tenant);
        var supervisor = await console.SignedInAsync("sv@toyama.example.jp", "supervisor", MonthScript.Tenant);
        await player.PlayConsoleAsync(officer, supervisor);
        var consoleTime = watch.Elapsed - lineTime;

        var download = await officer.APIRequest.GetAsync(console.Url($"Records/Report/{MonthScript.Tenant}?Month={MonthScript.Month}&handler=Csv"));
        Assert.Equal(200, download.Status);
        var report = ReportCsvTables.Parse(await download.BodyAsync());
        output.WriteLine($"[{mode}] {script.LineCases.Count} LINE cases in {lineTime.TotalSeconds:0} s, {script.PhoneCalls.Count} phone calls and the console's classifications in {consoleTime.TotalSeconds:0} s");
        output.WriteLine(report.Markdown());
        Directory.CreateDirectory(ConsoleBrowser.ScreenshotFolder);
        await File.WriteAllTextAsync(Path.Combine(ConsoleBrowser.ScreenshotFolder, $"scripted-month-report-{mode}.md"), report.Markdown());

        Assert.Contains(("自治体", $"富山県（{MonthScript.Tenant}）"), report.Heading); // named as the program names it
        Assert.Contains(("期間", MonthScript.Month), report.Heading);
        Assert.Contains(("作成者", "officer@toyama.example.jp"), report.Heading);
        var expected = MonthCount.Expected(script);
        Assert.Equal(expected.Select(t => t.Title), report.Tables.Select(t => t.Title));
        var wrong = new List<string>();
        var cells = 0;
        foreach (var table in expected)
        {
            var actual = report.Table(table.Title);
            Assert.Equal(table.Header, actual.Header);
            Assert.Equal(table.Rows.Select(r => r[0]), actual.Rows.Select(r => r[0]));
            for (var r = 0; r < table.Rows.Count; r++)
            {
                for (var c = 1; c < table.Header.Count; c++, cells++)
                {
                    if (table.Rows[r][c] != actual.Rows[r][c])
                    {
                        wrong.Add($"【{table.Title}】{table.Rows[r][0]} / {table.Header[c]}: counted {table.Rows[r][c]}, reported {actual.Rows[r][c]}");
                    }
                }
            }
        }
        output.WriteLine($"{cells} cells compared");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(cells >= 100, $"only {cells} cells");

        // The workbook: one sheet per table, the same cells (row 6 the header, the rows from 7).
        var xlsx = await officer.APIRequest.GetAsync(console.Url($"Records/Report/{MonthScript.Tenant}?Month={MonthScript.Month}&handler=Xlsx"));
        Assert.Equal(200, xlsx.Status);
        using (var workbook = new XLWorkbook(new MemoryStream(await xlsx.BodyAsync())))
        {
            Assert.Equal(expected.Select(t => t.Title), workbook.Worksheets.Select(w => w.Name));
            foreach (var table in expected)
            {
                var sheet = workbook.Worksheet(table.Title);
                for (var r = 0; r < table.Rows.Count; r++)
                {
                    Assert.Equal(table.Rows[r], Enumerable.Range(1, table.Header.Count).Select(c => sheet.Cell(7 + r, c).GetFormattedString()).ToList());
                }
            }
        }

        // The supervisor's list of unclassified cases says who should classify each: the counselor who handled it.
        await supervisor.GotoAsync(console.Url("Records?From=2026-11-01&Until=2026-11-30&Unclassified=true"));
        var names = await supervisor.Locator("#records-table tbody td.counselor").AllInnerTextsAsync();
        var staffNames = new Dictionary<string, string> { ["nat-n01"] = "看護師 かおり", ["tym-c01"] = "相談員 さくら", ["tym-c02"] = "相談員 みどり" };
        var shouldClassify = script.CountedLineCases.Where(c => c.Classification is null)
            .Select(c => $"{staffNames[MonthPlayer.StaffIdFor(c)]}（{MonthPlayer.StaffIdFor(c)}）").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(shouldClassify, names.Select(n => n.Trim()).Order(StringComparer.Ordinal).ToList());
    }
}
