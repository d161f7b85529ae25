namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// When a waiting consultee hears how her case is doing. Each routing state is told once; a mere
/// progress note ("still looking") also waits a minimum interval after the last thing she was told,
/// while a hand-over (to the nurse pool) is told at once. Pure.
/// </summary>
public static class ProgressPolicy
{
    public static readonly TimeSpan MinInterval = TimeSpan.FromMinutes(1);

    /// <summary>The told-state key of a routing state at a dispatcher: "looking@tenant:toyama", "pool@pool:national".</summary>
    public static string Key(string state, string dispatcherKey) => $"{state}@{dispatcherKey}";

    public static bool ShouldTell(string? told, DateTimeOffset? toldAt, string next, DateTimeOffset now, bool handOver) =>
        told != next && (handOver || toldAt is not { } at || now - at >= MinInterval);
}
