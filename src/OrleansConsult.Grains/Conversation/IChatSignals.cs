namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Signs of life in her chat that are not messages: 既読 (manual read mode) and the loading
/// animation. Best effort: a failure is logged and costs nothing else.
/// </summary>
public interface IChatSignals
{
    Task MarkAsReadAsync(string channel, string markAsReadToken);

    Task ShowLoadingAsync(string channel, string userId, int seconds);
}
