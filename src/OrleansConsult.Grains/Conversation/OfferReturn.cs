namespace OrleansConsult.Grains.Conversation;

/// <summary>Why an offer a counselor held came back to her dispatcher (what she is told starts with it).</summary>
public enum OfferReturn
{
    /// <summary>Its deadline passed without an answer.</summary>
    Lapsed,
    /// <summary>She said no (見送る).</summary>
    Declined,
    /// <summary>She went on a break or off shift.</summary>
    Unavailable,
    /// <summary>The roster in use no longer lets her take offers there.</summary>
    Roster,
    /// <summary>The case closed or was withdrawn while offered.</summary>
    Withdrawn,
    /// <summary>The dispatcher found its own view of the offer wrong and offered the case again.</summary>
    Repaired,
}
