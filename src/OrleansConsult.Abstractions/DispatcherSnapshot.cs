namespace OrleansConsult.Abstractions;

[GenerateSerializer, Immutable, Alias("oc.DispatcherSnapshot")]
public sealed record DispatcherSnapshot(
    [property: Id(0)] bool Open,
    [property: Id(1)] IReadOnlyList<string> Queue,
    [property: Id(2)] IReadOnlyDictionary<string, string> OffersByCase,
    [property: Id(3)] IReadOnlyList<CounselorStatus> Counselors,
    [property: Id(4)] DateTimeOffset? NextWake,
    [property: Id(5)] string Silo);
