namespace OrleansConsult.Storage;

/// <summary>What one outbox purge deleted, by kind of row.</summary>
public sealed record OutboxPurgeResult(int Delivered, int Parked, int Expired)
{
    public int Total => Delivered + Parked + Expired;
}
