namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Shows LINE's loading animation ("…") in her chat while her case waits to be connected, so she
/// sees that someone is being found. LINE shows it for at most 60 s and hides it when a message
/// arrives; it is issued again every <see cref="Interval"/> while she still waits, at most
/// <see cref="MaxTimes"/> times per wait (then the queue-position messages speak for themselves).
/// Grain timers only: nothing durable, a new activation starts again at her next message.
/// </summary>
public sealed class LoadingWhileWaiting(IGrainBase owner, Func<Task<bool>> stillWaiting, Func<Task> show)
{
    public const int Seconds = 20;
    public const int MaxTimes = 15;
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(Seconds);

    private IGrainTimer? _timer;
    private int _shown;

    public bool Running => _timer is not null;

    /// <summary>Starts showing it (at once, then every interval); no effect while it runs.</summary>
    public void Start()
    {
        if (_timer is not null)
        {
            return;
        }
        _shown = 0;
        _timer = owner.RegisterGrainTimer(_ => TickAsync(), TimeSpan.FromMilliseconds(200), Interval);
    }

    public void Stop()
    {
        _timer?.Dispose();
        _timer = null;
    }

    private async Task TickAsync()
    {
        if (_shown >= MaxTimes || !await stillWaiting())
        {
            Stop();
            return;
        }
        _shown++;
        await show();
    }
}
