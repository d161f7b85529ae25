using OrleansConsult.Grains.RichMenus;
using OrleansConsult.Line.RichMenus;

namespace OrleansConsult.Host.RichMenus;

/// <summary>Per-user menu links through the platform client, within a few seconds: a staff member's message never waits long on them.</summary>
public sealed partial class RichMenuLinks(LinePlatformClient client, ILogger<RichMenuLinks> logger) : IRichMenuLinks
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(5);

    public Task<bool> LinkAsync(string channel, string userId, string richMenuId) =>
        TryAsync("link", channel, token => client.LinkRichMenuAsync(channel, userId, richMenuId, token));

    public Task<bool> UnlinkAsync(string channel, string userId) =>
        TryAsync("unlink", channel, token => client.UnlinkRichMenuAsync(channel, userId, token));

    private async Task<bool> TryAsync(string operation, string channel, Func<CancellationToken, Task> call)
    {
        using var budget = new CancellationTokenSource(Budget);
        try
        {
            await call(budget.Token);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Tried again at her next message (link) or harmless (unlink of a user who has none).
            LogFailed(logger, operation, channel, ex.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rich menu {Operation} on {Channel} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string operation, string channel, string error);
}
