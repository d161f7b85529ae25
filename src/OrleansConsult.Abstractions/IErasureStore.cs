namespace OrleansConsult.Abstractions;

/// <summary>The parts of a consultee's erasure outside grain state: her outbox rows, and the erasure record.</summary>
public interface IErasureStore
{
    /// <summary>
    /// Deletes every outbox row addressed to her, and every row relaying a message of her cases to
    /// whomever (delivered, waiting or parked). Returns how many.
    /// </summary>
    Task<int> DeleteOutboxRowsAsync(string consulteeKey, IReadOnlyCollection<string> caseIds, CancellationToken cancellationToken = default);

    Task RecordAsync(ErasureRecord record, CancellationToken cancellationToken = default);
}
