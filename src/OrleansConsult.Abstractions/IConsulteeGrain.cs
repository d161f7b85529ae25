namespace OrleansConsult.Abstractions;

/// <summary>
/// What every grain that stands for one LINE user of a channel does with webhook events:
/// keep them durably, once each, and hand out her freshest reply token.
/// </summary>
public interface ILineUserGrain : IGrainWithStringKey
{
    /// <summary>Stores the event durably (state written) before returning; duplicates have no effect.</summary>
    [Alias("Accept")]
    Task<AcceptOutcome> AcceptAsync(InboundLineEvent lineEvent);

    /// <summary>Several events of one webhook request, in order, stored with one state write.</summary>
    [Alias("AcceptBatch")]
    Task<IReadOnlyList<AcceptOutcome>> AcceptBatchAsync(IReadOnlyList<InboundLineEvent> lineEvents);

    /// <summary>Hands out the freshest unused reply token if it is younger than <paramref name="maxAge"/>, once.</summary>
    [Alias("TakeReplyToken")]
    Task<ReplyTokenLease?> TakeReplyTokenAsync(TimeSpan maxAge);

    [Alias("GetSnapshot")]
    Task<LineUserSnapshot> GetSnapshotAsync();
}

/// <summary>A consultee on the consultee channel, keyed "{channel}:{lineUserId}".</summary>
[Alias("oc.IConsulteeGrain")]
public interface IConsulteeGrain : ILineUserGrain;

/// <summary>A counselor's or nurse's LINE user on the staff channel, keyed "{channel}:{lineUserId}".</summary>
[Alias("oc.IStaffLineUserGrain")]
public interface IStaffLineUserGrain : ILineUserGrain;

public static class GrainKeys
{
    public static string LineUser(string channel, string lineUserId) => $"{channel}:{lineUserId}";
}
