using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Grains.Board;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>The live board's and staff presence's services and API, registered by <see cref="OperatorConsoleHosting.AddConsoleServices"/>.</summary>
public static class BoardServices
{
    public static IServiceCollection AddBoard(this IServiceCollection services)
    {
        services.AddSingleton<BoardFeed>();
        services.AddSingleton<StaffPresenceService>();
        services.AddSingleton<BoardScope>();
        services.AddSingleton(sp => BoardHeartbeat.Load(sp.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()));
        services.AddSingleton<IConsoleEndpoints, BoardEndpoints>();
        return services;
    }
}
