namespace OrleansConsult.Grains.Conversation;

/// <summary>Where no LINE is wired (grain tests): nothing is shown.</summary>
public sealed class NoChatSignals : IChatSignals
{
    public static readonly NoChatSignals Instance = new();

    public Task MarkAsReadAsync(string channel, string markAsReadToken) => Task.CompletedTask;

    public Task ShowLoadingAsync(string channel, string userId, int seconds) => Task.CompletedTask;
}
