namespace OrleansConsult.Abstractions;

[GenerateSerializer, Immutable, Alias("oc.EnqueueResult")]
public sealed record EnqueueResult(
    [property: Id(0)] EnqueueOutcome Outcome,
    [property: Id(1)] string DispatcherKey,
    [property: Id(2)] int Position);
