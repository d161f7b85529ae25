namespace OrleansConsult.Abstractions;

/// <summary>
/// One saved version of the program configuration (tenants, pools, roster, crisis words) as JSON in the
/// program file's shape. The highest number is the version in use. It holds staff display names and ids,
/// never a consultee's data.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.ProgramVersion")]
public sealed record ProgramVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] string Json,
    [property: Id(2)] string Author,
    [property: Id(3)] DateTimeOffset CreatedAt,
    [property: Id(4)] string? Comment);
