namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The reason a dispatcher gives a counselor with a withdrawn offer, "{why}:{outcome}": written by the
/// dispatcher, read by the counselor grain so she hears why the offer came back and where the case went. Pure.
/// </summary>
public static class OfferReturnReason
{
    public static string Format(OfferReturn why, OfferOutcome outcome) => $"{why}:{outcome}";

    /// <summary>False for any other reason text (she then hears only that the offer is gone).</summary>
    public static bool TryParse(string reason, out OfferReturn why, out OfferOutcome outcome)
    {
        why = default;
        outcome = default;
        return reason.Split(':') is [var whyText, var outcomeText]
            && Enum.TryParse(whyText, out why) && Enum.TryParse(outcomeText, out outcome);
    }
}
