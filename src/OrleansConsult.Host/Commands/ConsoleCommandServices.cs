using OrleansConsult.OperatorConsole.Accounts;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.Host.Commands;

/// <summary>The console's services for a command (admin, audit): same database and program as the Host, no web server.</summary>
public static class ConsoleCommandServices
{
    public static async Task<ServiceProvider> BuildAsync(CommandContext context)
    {
        await context.PrepareStorageAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(context.Configuration);
        services.AddSingleton(context.Database);
        services.AddSingleton(context.Directory);
        OperatorConsoleHosting.AddConsoleServices(services, context.Storage,
            ConsoleLinks.Load(context.Configuration, ConsolePort.Load(context.Configuration)));
        return services.BuildServiceProvider();
    }
}
