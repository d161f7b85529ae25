namespace OrleansConsult.Abstractions;

/// <summary>
/// A message to one LINE user, in the grain layer's own serializable shape; the LINE user's grain
/// turns it into LINE messages. Choices become quick replies; a card becomes a bubble with buttons.
/// </summary>
[GenerateSerializer, Immutable, Alias("oc.Outgoing")]
public sealed record Outgoing(
    [property: Id(0)] string Text,
    [property: Id(1)] IReadOnlyList<Choice>? QuickReplies = null,
    [property: Id(2)] Card? Card = null,
    [property: Id(3)] MediaRef? Media = null);
// Media: sent as the same kind of LINE message (its URLs signed at delivery), after Text when there is one.
