namespace OrleansConsult.Grains;

/// <summary>
/// One reply to her, written to her state with its token before it leaves, and removed once LINE
/// answered: what a crash in between leaves behind, so the grain can finish it exactly once (see
/// <see cref="LineUserGrain{TState}"/>, "Replies in flight"). While <see cref="Batch"/> is set it is still
/// gathering the answers to the events of one webhook request (up to LINE's 5 messages per reply).
/// </summary>
[GenerateSerializer, Alias("oc.ReplyInFlight")]
public sealed class ReplyInFlight
{
    /// <summary>The retry key it falls back to as a push (the first send's key).</summary>
    [Id(0)] public Guid Key { get; set; }

    [Id(1)] public string Token { get; set; } = "";
    [Id(2)] public DateTimeOffset TokenReceivedAt { get; set; }

    /// <summary>When it was first written (for the logs and the docs' ambiguity window).</summary>
    [Id(3)] public DateTimeOffset MarkedAt { get; set; }

    /// <summary>Retry keys of every send it carries: a repeat of any of them is this reply.</summary>
    [Id(4)] public List<Guid> Keys { get; set; } = [];

    /// <summary>The messages as the Messaging API takes them (JSON).</summary>
    [Id(5)] public string Messages { get; set; } = "[]";

    [Id(6)] public int MessageCount { get; set; }

    /// <summary>The webhook request (its working) whose answers it still gathers; null once it is sent or due.</summary>
    [Id(7)] public string? Batch { get; set; }

    [Id(8)] public string? Origin { get; set; }
}
