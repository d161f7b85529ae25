namespace OrleansConsult.Line.Messaging;

/// <summary>Exactly two actions, e.g. [対応する][見送る].</summary>
public sealed record ConfirmTemplate : LineTemplate;
