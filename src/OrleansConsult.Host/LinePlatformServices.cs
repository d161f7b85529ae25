using OrleansConsult.Grains.RichMenus;
using OrleansConsult.Host.Quota;
using OrleansConsult.Host.RichMenus;
using OrleansConsult.OperatorConsole.Board;

namespace OrleansConsult.Host;

/// <summary>
/// The LINE account around the chats (issue 13): rich menus drawn and made sure of at start, linked
/// per staff member; the month's message quota read from LINE for /metrics, the board and the logs.
/// </summary>
public static class LinePlatformServices
{
    public static IServiceCollection AddLinePlatform(this IServiceCollection services)
    {
        services.AddSingleton<IRichMenuProvisioning, RichMenuProvisioning>();
        services.AddSingleton<IRichMenuLinks, RichMenuLinks>();
        services.AddHostedService<RichMenuStartup>();

        services.AddSingleton<PushQuotaReadings>();
        services.AddSingleton<IPushQuotaView>(sp => sp.GetRequiredService<PushQuotaReadings>());
        services.AddSingleton<PushQuotaMonitor>();
        services.AddHostedService(sp => sp.GetRequiredService<PushQuotaMonitor>());
        return services;
    }
}
