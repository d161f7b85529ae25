namespace OrleansConsult.Grains;

/// <summary>
/// How many LINE users' events this silo works at once. Accepting an event (one state write) is never held
/// back; working it (grain calls, sends, records) waits for a slot. Without a bound, a surge far above what the
/// silo can work started every user's work at once: every call took longer than Orleans' 30 s response
/// timeout, failed and was retried, and acks waited behind all of it (issue 14: 10,000 consultees in 60 s on
/// 2 cores, ack p50 7.9 s). Slots make the excess wait in her stored pending events instead, in arrival order.
/// A slot holder never waits for another slot: the calls an event makes (cases, counselors, the dispatcher,
/// deliveries to other users) are requests, not work loops.
/// </summary>
public sealed class EventWorkSlots(int size)
{
    /// <summary>Enough to keep two cores and the database busy with events that mostly wait on I/O.</summary>
    public const int DefaultSize = 64;

    private readonly SemaphoreSlim _slots = new(size, size);

    public Task EnterAsync() => _slots.WaitAsync();

    public void Leave() => _slots.Release();
}
