using System.Data.Common;
using System.Globalization;
using OrleansConsult.OperatorConsole.Accounts;

namespace OrleansConsult.Host.Commands;

/// <summary>
/// admin add &lt;email&gt; --role national|tenant|supervisor|auditor [--tenant id[,id]] [--pool id] [--name 表示名]:
/// creates (or re-invites) a console account and prints its one-time setup link. The first
/// national admin is made this way; later accounts are invited from the console's accounts page.
/// </summary>
public static class AdminCommand
{
    public const string Actor = "(コマンドライン)";

    public const string Usage = """
        usage: admin add <email> --role national|tenant|supervisor|auditor [--tenant <id>[,<id>...]] [--pool <id>] [--name <表示名>]
          national, auditor: no --tenant/--pool
          tenant:            --tenant toyama[,takaoka]
          supervisor:        --tenant toyama  or  --pool <pool-id>
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, "role", "tenant", "pool", "name");
        if (line.Words.Count != 2 || line.Words[0] != "add" || line.Option("role") is not { Length: > 0 } role)
        {
            await error.WriteLineAsync(Usage);
            return 1;
        }
        var scope = string.Join(",", new[] { line.Option("tenant"), line.Option("pool") is { Length: > 0 } pool ? "pool:" + pool : null }
            .Where(s => !string.IsNullOrWhiteSpace(s)));
        var context = CommandContext.Load(line.Settings);
        try
        {
            await using var services = await ConsoleCommandServices.BuildAsync(context);
            await using var request = services.CreateAsyncScope();
            var accounts = request.ServiceProvider.GetRequiredService<ConsoleAccounts>();
            var invitation = await accounts.InviteAsync(Actor, ConsoleAccounts.CommandLine, line.Words[1], role, scope, line.Option("name"));
            await output.WriteLineAsync($"Account {invitation.Email} ({invitation.Role}{(invitation.Scope.Length > 0 ? " of " + invitation.Scope : "")}) is ready for setup.");
            await output.WriteLineAsync($"Setup link (single use, valid until {Tenancy.JapaneseCalendar.ToTokyo(invitation.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} Asia/Tokyo):");
            await output.WriteLineAsync(invitation.SetupLink);
            await output.WriteLineAsync("Open it in a browser to set the password and register the authenticator app. The link is shown only now and stored only as a hash.");
            return 0;
        }
        catch (AccountException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 1;
        }
        catch (DbException ex)
        {
            await error.WriteLineAsync($"Database error ({ex.Message.Split('\n')[0]}). Is the schema in place? Run the migrate command first.");
            return 1;
        }
    }
}
