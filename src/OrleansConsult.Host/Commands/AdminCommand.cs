using System.Data.Common;
using System.Globalization;
using OrleansConsult.OperatorConsole.Accounts;

namespace OrleansConsult.Host.Commands;

/// <summary>
/// admin add &lt;email&gt; --role national|tenant|supervisor|auditor [--tenant id[,id]] [--pool id] [--name 表示名]:
/// creates (or re-invites) a console account and prints its one-time setup link. The first
/// national admin is made this way; later accounts are invited from the console's accounts page.
/// admin list: every account with its role, scope and state. admin deactivate &lt;email&gt;: she cannot
/// sign in any more and her open sessions end (new security stamp); audited as the command line.
/// </summary>
public static class AdminCommand
{
    public const string Actor = "(コマンドライン)";

    public const string Usage = """
        usage: admin add <email> --role national|tenant|supervisor|auditor [--tenant <id>[,<id>...]] [--pool <id>] [--name <表示名>]
               admin list
               admin deactivate <email>
          national, auditor: no --tenant/--pool
          tenant:            --tenant toyama[,takaoka]
          supervisor:        --tenant toyama  or  --pool <pool-id>
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var line = CommandLine.Parse(args, "role", "tenant", "pool", "name");
        if (line.Words is ["list"])
        {
            return await ListAsync(line, output, error);
        }
        if (line.Words is ["deactivate", var email])
        {
            return await DeactivateAsync(line, email, output, error);
        }
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

    private static async Task<int> ListAsync(CommandLine line, TextWriter output, TextWriter error) =>
        await WithAccountsAsync(line, error, async accounts =>
        {
            var all = await accounts.ListAsync(ConsoleAccounts.CommandLine);
            await output.WriteLineAsync("email\trole\tscope\tstate\tcreated (UTC)");
            foreach (var user in all)
            {
                var state = !user.Active ? "deactivated" : !user.TwoFactorEnabled ? "awaiting setup" : user.LockoutEnd > DateTimeOffset.UtcNow ? "locked out" : "active";
                await output.WriteLineAsync(string.Join('\t', user.Email, user.Role, user.Scope.Length > 0 ? user.Scope : "-", state,
                    user.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            }
            await output.WriteLineAsync($"{all.Count} account(s).");
            return 0;
        });

    private static async Task<int> DeactivateAsync(CommandLine line, string email, TextWriter output, TextWriter error) =>
        await WithAccountsAsync(line, error, async accounts =>
        {
            if (await accounts.FindByEmailAsync(email) is not { } user)
            {
                await error.WriteLineAsync($"No account with the address {email}.");
                return 1;
            }
            if (!user.Active)
            {
                await output.WriteLineAsync($"Account {user.Email} is already deactivated.");
                return 0;
            }
            await accounts.DeactivateAsync(Actor, ConsoleAccounts.CommandLine, user.Id);
            await output.WriteLineAsync($"Account {user.Email} is deactivated: it cannot sign in, and its open sessions end at their next check (within a minute).");
            return 0;
        });

    private static async Task<int> WithAccountsAsync(CommandLine line, TextWriter error, Func<ConsoleAccounts, Task<int>> body)
    {
        var context = CommandContext.Load(line.Settings);
        try
        {
            await using var services = await ConsoleCommandServices.BuildAsync(context);
            await using var request = services.CreateAsyncScope();
            return await body(request.ServiceProvider.GetRequiredService<ConsoleAccounts>());
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
