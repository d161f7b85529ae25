namespace OrleansConsult.Line.Outbox;

/// <summary>The LINE layer's default: nobody to tell (the Host registers its own).</summary>
public sealed class NoOutboxParkListener : IOutboxParkListener
{
    public Task ParkedAsync(OutboxItem item, OutboxParkReason reason, CancellationToken cancellationToken = default) => Task.CompletedTask;
}
