using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>
/// What every grain that stands for one LINE user of a channel does with webhook events:
/// keep them durably, once each, and hand out her freshest reply token.
/// </summary>
public interface ILineUserGrain : IGrainWithStringKey, IDeliverToLineUser
{
    /// <summary>Stores the event durably (state written) before returning; duplicates have no effect.
    /// Not interleaved: with [AlwaysInterleave] the rolling-restart drill lost responses to calls that
    /// reached a deactivating activation (4 of 800 timed out). It does not wait behind her earlier
    /// events being worked either: the grain works them in a loop outside any request, so an accept
    /// waits only for a state write in flight.</summary>
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

    /// <summary>Marks what she wrote up to her latest worked message read (既読): a person has it in front of her now.
    /// Interleaves: the token is taken before the LINE call, so her webhooks never wait behind that call.</summary>
    [OneWay, AlwaysInterleave, Alias("MarkRead")]
    Task MarkReadAsync();

    /// <summary>Starts working through the stored events in order unless that is under way (recovery after a
    /// crash, a case's reminder); the work itself runs outside this call.</summary>
    [OneWay, Alias("ProcessPending")]
    Task ProcessPendingAsync();

    /// <summary>The grain's own keep-alive while its work loop runs (it sends this to itself): lasts until the loop
    /// ends or a few seconds have passed, whichever is first. Orleans sheds and collects only activations that run no
    /// request, and the loop is not one. Interleaves, so it blocks no other call.</summary>
    [AlwaysInterleave, Alias("HoldWhileWorking")]
    Task HoldWhileWorkingAsync();
}
