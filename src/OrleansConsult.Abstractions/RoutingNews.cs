namespace OrleansConsult.Abstractions;

/// <summary>What the dispatcher tells a case about its routing (one-way, informational or a hand-over).</summary>
[GenerateSerializer, Immutable, Alias("oc.RoutingNews")]
public sealed record RoutingNews(
    [property: Id(0)] JournalEntry? Entry,
    [property: Id(1)] int? QueuePosition = null,
    [property: Id(2)] string? NowAt = null,
    [property: Id(3)] bool NobodyAvailable = false);
