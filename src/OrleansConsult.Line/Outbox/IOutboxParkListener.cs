namespace OrleansConsult.Line.Outbox;

/// <summary>
/// Told when the outbox parks an item it had been re-sending (LINE refused it later, or it ran out of
/// attempts), so the person who wrote it hears that it did not arrive. A send refused at once is
/// answered to its caller directly and never reaches this.
/// </summary>
public interface IOutboxParkListener
{
    Task ParkedAsync(OutboxItem item, OutboxParkReason reason, CancellationToken cancellationToken = default);
}
