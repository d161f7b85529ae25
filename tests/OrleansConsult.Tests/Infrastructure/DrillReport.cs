using Xunit.Abstractions;
namespace OrleansConsult.Tests.Infrastructure;

/// <summary>
/// Drill figures go to the test output and to TestResults/drills.md (printed by .ci/run), so the
/// CI log shows them: xunit hides the output of passing tests.
/// </summary>
public static class DrillReport
{
    private static readonly object Gate = new();

    public static string FilePath =>
        Environment.GetEnvironmentVariable("OC_DRILL_REPORT")
        ?? Path.Combine(AppContext.BaseDirectory, "drills.md");

    public static void Write(ITestOutputHelper output, string drill, IEnumerable<(string Name, object Value)> figures)
    {
        var line = $"| {drill} | " + string.Join(", ", figures.Select(f => $"{f.Name} {f.Value}")) + " |";
        output.WriteLine(line);
        lock (Gate)
        {
            File.AppendAllText(FilePath, line + Environment.NewLine);
        }
    }
}
