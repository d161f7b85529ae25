using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The words a counselor grain sends her about her own cases and offers, built from the resource texts; no
/// state, no sends, so they are tested without a silo.
/// </summary>
public static class CounselorTexts
{
    /// <summary>/一覧: her open cases and the current one, then the offers she holds (the recently closed line is added by the caller).</summary>
    public static string List(IReadOnlyList<string> activeCaseIds, string? currentCaseId, IReadOnlyList<string> offerCaseIds)
    {
        var text = activeCaseIds.Count == 0
            ? BotText.Get("Staff.ListEmpty")
            : BotText.Format("Staff.List", Tags(activeCaseIds), currentCaseId is { } c ? CaseIds.Tag(c) : "-");
        return offerCaseIds.Count > 0 ? text + "\n" + BotText.Format("Staff.Pending", Tags(offerCaseIds)) : text;
    }

    /// <summary>One of her cases closed without her /終了: which, and why (idle, unfollow, erasure, or simply ended).</summary>
    public static string CaseClosed(string caseId, string reason)
    {
        var why = BotText.Get("Staff.Reason." + (reason is "idle" or "unfollow" or "erasure" ? reason : "ended"));
        return BotText.Format("Staff.CaseClosed", CaseIds.Tag(caseId), why);
    }

    private static string Tags(IEnumerable<string> caseIds) => string.Join(" ", caseIds.Select(CaseIds.Tag));
}
