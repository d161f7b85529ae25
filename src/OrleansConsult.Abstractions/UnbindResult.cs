namespace OrleansConsult.Abstractions;

/// <summary>What an operator's unbind did: whether she was bound, and how many open cases went back to a queue.</summary>
[GenerateSerializer, Immutable, Alias("oc.UnbindResult")]
public sealed record UnbindResult(
    [property: Id(0)] bool WasBound,
    [property: Id(1)] int CasesHandedBack,
    [property: Id(2)] int OffersDeclined);
