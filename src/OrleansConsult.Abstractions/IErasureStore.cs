namespace OrleansConsult.Abstractions;

/// <summary>The parts of a consultee's erasure outside grain state: her outbox rows, and the erasure record.</summary>
public interface IErasureStore
{
    /// <summary>Deletes every outbox row addressed to her (delivered, waiting or parked). Returns how many.</summary>
    Task<int> DeleteOutboxRowsAsync(string consulteeKey, CancellationToken cancellationToken = default);

    Task RecordAsync(ErasureRecord record, CancellationToken cancellationToken = default);
}
