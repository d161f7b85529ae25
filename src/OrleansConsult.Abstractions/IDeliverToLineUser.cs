using Orleans.Concurrency;

namespace OrleansConsult.Abstractions;

/// <summary>Delivery to a LINE user through her grain, which owns her reply token.</summary>
public interface IDeliverToLineUser
{
    /// <summary>
    /// Sends in order. <paramref name="retryKey"/> is derived from what caused the send, so a
    /// repeated delivery after a crash is dropped by LINE (X-Line-Retry-Key).
    /// Interleaves with the grain's own work: it only reads and spends the reply token.
    /// Returns <see cref="DeliveryOutcome.Parked"/> when LINE refused any part: the sender's side tells its user.
    /// </summary>
    [AlwaysInterleave, Alias("Deliver")]
    Task<DeliveryOutcome> DeliverAsync(IReadOnlyList<Outgoing> messages, Guid retryKey);
}
