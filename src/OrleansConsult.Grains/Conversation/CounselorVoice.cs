using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What a counselor grain says to her staff LINE user. Each message's retry key is "{counselor}/{cause}/{n}",
/// the cause being what the grain is answering (her event, an offer, a close, a reminder), so a retried turn
/// sends each message once. Nothing is sent while she has no LINE bound.
/// </summary>
public sealed class CounselorVoice(IGrainFactory grains, string counselorId)
{
    private int _sent;

    /// <summary>What the grain is answering now; her own commands pass it on as the event id of what they relay.</summary>
    public string Cause { get; private set; } = "";

    /// <summary>A new turn: its messages are numbered from 0 under <paramref name="cause"/>.</summary>
    public void Begin(string cause)
    {
        Cause = cause;
        _sent = 0;
    }

    public async Task SayAsync(string? staffLineKey, Outgoing message)
    {
        if (staffLineKey is { } staff)
        {
            await grains.GetGrain<IStaffLineUserGrain>(staff).DeliverAsync([message], RetryKeys.For($"{counselorId}/{Cause}/{_sent++}"));
        }
    }
}
