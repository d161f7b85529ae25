using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Host.Media;

/// <summary>既読 and the loading animation through the Messaging API client (with its resilience); failures are logged, never thrown.</summary>
public sealed partial class LineChatSignals(LineMessagingClient client, ILogger<LineChatSignals> logger) : IChatSignals
{
    public async Task MarkAsReadAsync(string channel, string markAsReadToken)
    {
        try
        {
            await client.MarkAsReadAsync(channel, markAsReadToken);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, "markAsRead", channel, ex.GetType().Name);
        }
    }

    public async Task ShowLoadingAsync(string channel, string userId, int seconds)
    {
        try
        {
            await client.ShowLoadingAsync(channel, userId, seconds);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogFailed(logger, "loading", channel, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE {Operation} on {Channel} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string operation, string channel, string error);
}
