namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.EnqueueOutcome")]
public enum EnqueueOutcome
{
    Queued = 0,
    /// <summary>This dispatcher is closed and its overflow target took it.</summary>
    Overflowed = 1,
    /// <summary>Closed here and nowhere to overflow: the consultee gets the closed-area answer.</summary>
    Closed = 2,
}
