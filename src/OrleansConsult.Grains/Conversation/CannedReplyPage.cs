namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// One screen of 定型文 titles as LINE quick replies (at most 13 items): the rest fit, or 12 titles and 「次へ」.
/// </summary>
public sealed record CannedReplyPage(int From, IReadOnlyList<string> Titles, int? NextFrom, int Total)
{
    public const int MaxItems = 13;

    public static CannedReplyPage Of(IReadOnlyList<string> titles, int from)
    {
        ArgumentNullException.ThrowIfNull(titles);
        from = Math.Clamp(from, 0, Math.Max(0, titles.Count - 1));
        var rest = titles.Count - from;
        if (rest <= MaxItems)
        {
            return new CannedReplyPage(from, titles.Skip(from).ToList(), null, titles.Count);
        }
        return new CannedReplyPage(from, titles.Skip(from).Take(MaxItems - 1).ToList(), from + MaxItems - 1, titles.Count);
    }
}
