using System.Globalization;
using OrleansConsult.OperatorConsole.Audit;

namespace OrleansConsult.Host.Commands;

/// <summary>audit verify: walks the audit log's hash chain from the first row and names the first row that does not hold.</summary>
public static class AuditCommand
{
    public const string Usage = "usage: audit verify";

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args);
        if (line.Words.Count != 1 || line.Words[0] != "verify")
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }
        var context = CommandContext.Load(line.Settings);
        await using var services = await ConsoleCommandServices.BuildAsync(context);
        var log = services.GetRequiredService<IAuditLog>();
        var rows = new List<AuditRecord>();
        await foreach (var record in log.ReadAllAsync())
        {
            rows.Add(record);
        }
        if (AuditChain.FirstBroken(rows) is { } broken)
        {
            await error.WriteLineAsync($"audit verify: the chain is broken at row {broken.Seq} ({broken.At.ToString("O", CultureInfo.InvariantCulture)}, {broken.Action}): that row or one before it was changed, removed or inserted.");
            return 3;
        }
        await output.WriteLineAsync($"audit verify: {rows.Count} row(s), the hash chain is intact{(rows.Count > 0 ? $" (last hash {rows[^1].Hash})" : "")}.");
        return 0;
    }
}
