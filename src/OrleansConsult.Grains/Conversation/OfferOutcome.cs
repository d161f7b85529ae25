namespace OrleansConsult.Grains.Conversation;

/// <summary>Where a case went after its offer came back (lapsed, a break, the roster): what she is told.</summary>
public enum OfferOutcome
{
    /// <summary>Offered to another counselor.</summary>
    Next,
    /// <summary>Handed to the nurse pool.</summary>
    Pool,
    /// <summary>Back in the queue, nobody else free.</summary>
    Queue,
    /// <summary>Offered to her again at once (a repair, or she is the only one and no pause applies).</summary>
    Again,
    /// <summary>Nobody can take it (closed, nobody on shift): the consultee got the answer for that.</summary>
    Unanswered,
}
