namespace OrleansConsult.Grains.Conversation;

/// <summary>A way a dispatcher's queue can disagree with what its consultees were told.</summary>
public enum BreachKind
{
    /// <summary>One case queued twice.</summary>
    DuplicateCase,
    /// <summary>Believed offered, but with no deadline or one already past.</summary>
    OfferWithoutDeadline,
    /// <summary>Believed offered, but her roster entry or her own report says she does not hold it.</summary>
    OfferNotHeld,
    /// <summary>Her roster entry holds an offer of a case not offered to her.</summary>
    StrayOffer,
    /// <summary>Waiting, no pause running, and a free counselor who may take it.</summary>
    Stalled,
}
