namespace OrleansConsult.Abstractions;

/// <summary>
/// A durable list of LINE user grains that hold accepted work, each with the silo it lives on.
/// When that silo dies (SIGKILL, a lost node) nothing would wake its grains until the user's next
/// event; a recovery loop on every live silo reads the entries of silos that are gone and activates
/// their grains, which work their stored events at once. One write per activation, not per event.
/// </summary>
public interface IPendingWorkRegistry
{
    /// <summary>The owner of an entry no silo holds (see <see cref="OrphanAsync"/>): never a silo's name, so never live.</summary>
    const string NoSilo = "(no silo)";

    /// <summary>Records that the grain holds work on this silo (idempotent; moves the entry to this silo).</summary>
    Task RegisterAsync(string grainKey, LineUserKind kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands this silo's entry to <see cref="NoSilo"/>: the grain was deactivated with work left while this silo lives
    /// on (Orleans sheds activations under memory pressure and collects idle ones, and the work loop is not a request),
    /// so nothing here would wake it before the user's next event; the recovery loop wakes it like a dead silo's grain.
    /// </summary>
    Task OrphanAsync(string grainKey, CancellationToken cancellationToken = default);

    /// <summary>Forgets the grain's entry, this silo's or one it handed to no silo: it holds no work.</summary>
    Task ReleaseAsync(string grainKey, CancellationToken cancellationToken = default);

    /// <summary>Entries whose silo is not among <paramref name="liveSilos"/>, with that silo.</summary>
    Task<IReadOnlyList<(string GrainKey, LineUserKind Kind, string Owner)>> OrphanedAsync(IReadOnlySet<string> liveSilos, int max, CancellationToken cancellationToken = default);

    /// <summary>
    /// Forgets an orphaned entry once its grain was woken, unless the grain has registered itself
    /// again meanwhile (it still holds work, and the entry now names its new silo).
    /// </summary>
    Task ForgetOrphanAsync(string grainKey, string deadOwner, CancellationToken cancellationToken = default);
}
