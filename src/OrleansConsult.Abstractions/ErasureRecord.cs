namespace OrleansConsult.Abstractions;

/// <summary>
/// What remains of an erasure a consultee asked for: her grain key (a pseudonym), when, and how much was deleted.
/// No content. <see cref="Id"/> comes from the event that confirmed it (recording it twice keeps the first).
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.ErasureRecord")]
public sealed record ErasureRecord(
    [property: Id(0)] string Id,
    [property: Id(1)] string ConsulteeKey,
    [property: Id(2)] DateTimeOffset ErasedAt,
    [property: Id(3)] int Cases,
    [property: Id(4)] int TranscriptRows,
    [property: Id(5)] int OutboxRows);
