using Orleans.Runtime;

namespace OrleansConsult.Grains;

/// <summary>
/// Which working of a webhook request a send answers, carried in the RequestContext of its call
/// chain: sends of one batch to the same recipient share one reply (up to 5 messages), and
/// <see cref="More"/> says whether more of the batch's events are still to be worked, so the
/// recipient knows whether to wait for them or send now.
/// </summary>
public sealed record AnswerBatch(string Tag, bool More)
{
    private const string TagKey = "oc.batch";
    private const string MoreKey = "oc.batch.more";

    public static AnswerBatch? Current() =>
        RequestContext.Get(TagKey) is string tag ? new AnswerBatch(tag, RequestContext.Get(MoreKey) is true) : null;

    public void Enter()
    {
        RequestContext.Set(TagKey, Tag);
        RequestContext.Set(MoreKey, More);
    }

    public static void Leave()
    {
        RequestContext.Remove(TagKey);
        RequestContext.Remove(MoreKey);
    }
}
