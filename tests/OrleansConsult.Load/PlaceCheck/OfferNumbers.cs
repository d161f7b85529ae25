using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Load;

/// <summary>
/// The dispatcher's offer number of a pushed offer card, read back from the X-Line-Retry-Key LINE saw: the counselor
/// grain sends each card under the name-based key of "{counselor}/offer/{dispatcher}/{offer number}/0"
/// (<c>CounselorGrain.OfferAsync</c>, <c>CounselorVoice</c>, <see cref="RetryKeys"/>), so computing the keys of
/// 1 … upTo finds it. A dispatcher numbers its offers in the order it makes them, so the numbers order them exactly.
/// A reply carries no key, and a changed key scheme matches none: the place check then keeps to its time windows
/// (the report counts the cards numbered).
/// </summary>
public static class OfferNumbers
{
    /// <summary>The offer number behind each of <paramref name="keys"/> (the cards on <paramref name="counselorId"/>'s phone), null where none matches.</summary>
    public static IReadOnlyList<long?> Read(string counselorId, string dispatcherKey, long upTo, IReadOnlyList<Guid?> keys)
    {
        var wanted = keys.OfType<Guid>().ToHashSet();
        var found = new Dictionary<Guid, long>();
        for (var n = 1L; n <= upTo && found.Count < wanted.Count; n++)
        {
            var key = RetryKeys.For($"{counselorId}/offer/{dispatcherKey}/{n}/0");
            if (wanted.Contains(key))
            {
                found[key] = n;
            }
        }
        return keys.Select(k => k is { } g && found.TryGetValue(g, out var n) ? n : (long?)null).ToList();
    }
}
