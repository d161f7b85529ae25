namespace OrleansConsult.Abstractions;

/// <summary>
/// A consultee as seen on the consultee channel, keyed "{channel}:{lineUserId}".
/// Owns dedup of webhook events and her freshest unused reply token.
/// </summary>
[Alias("oc.IConsulteeGrain")]
public interface IConsulteeGrain : IGrainWithStringKey
{
    /// <summary>Stores the event durably (state written) before returning; duplicates have no effect.</summary>
    [Alias("Accept")]
    Task<AcceptOutcome> AcceptAsync(InboundLineEvent lineEvent);

    /// <summary>Hands out the freshest unused reply token if it is younger than <paramref name="maxAge"/>, once.</summary>
    [Alias("TakeReplyToken")]
    Task<ReplyTokenLease?> TakeReplyTokenAsync(TimeSpan maxAge);

    [Alias("GetSnapshot")]
    Task<LineUserSnapshot> GetSnapshotAsync();
}

public static class GrainKeys
{
    public static string LineUser(string channel, string lineUserId) => $"{channel}:{lineUserId}";
}
