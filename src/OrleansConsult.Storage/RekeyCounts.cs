namespace OrleansConsult.Storage;

/// <summary>
/// What the rekey command did to one table: values re-sealed with the newest key, values that already
/// used it, values that changed under it (written anew meanwhile, by the running service: left as they
/// are), and values that could not be opened (a key missing from the ring, or a value that does not
/// belong to its row).
/// </summary>
public sealed record RekeyCounts(string Table, int Resealed, int AlreadyCurrent, int ChangedMeanwhile, int Unreadable)
{
    public override string ToString() =>
        $"{Table}: {Resealed} re-sealed, {AlreadyCurrent} already current, {ChangedMeanwhile} changed meanwhile, {Unreadable} unreadable";
}
