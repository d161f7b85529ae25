using System.Data.Common;

namespace OrleansConsult.Abstractions;

/// <summary>The program's versions in the database: append-only, the highest number is in use.</summary>
public interface IProgramVersionStore
{
    /// <summary>The number of the version in use, or null while the table is empty; cheap enough to ask every few seconds.</summary>
    Task<int?> CurrentNumberAsync(CancellationToken cancellationToken = default);

    Task<ProgramVersion?> CurrentAsync(CancellationToken cancellationToken = default);

    Task<ProgramVersion?> GetAsync(int number, CancellationToken cancellationToken = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<ProgramVersionSummary>> ListAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Saves <paramref name="version"/> under its number; false when that number is taken already (another
    /// save came first), so two editors never overwrite each other's version.
    /// </summary>
    Task<bool> AddAsync(ProgramVersion version, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="AddAsync(ProgramVersion, CancellationToken)"/>, and <paramref name="alongside"/> writes in the same
    /// database transaction (the change's audit row): if it throws, the version is not saved either.
    /// </summary>
    Task<bool> AddAsync(ProgramVersion version, Func<DbTransaction, CancellationToken, Task> alongside, CancellationToken cancellationToken = default);
}
