using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// <see cref="IPendingWorkRegistry"/> on the project's database. The owner names this silo (address
/// and generation), so a restarted silo on the same address is a different owner.
/// Registrations go through a <see cref="GroupCommit{TItem, TResult}"/>: each new user's first accept
/// registers her grain beside its state write, and in a surge of new users (issue 14: 10,000 in a
/// minute) those were a statement and a commit each; now the ones that arrive during one insert leave
/// together in the next.
/// </summary>
public sealed class SqlPendingWorkRegistry : IPendingWorkRegistry
{
    /// <summary>Two parameters a row: well under both databases' limits.</summary>
    internal const int MaxRowsPerStatement = 256;

    private readonly Database database;
    private readonly string owner;
    private readonly TimeProvider clock;
    private readonly GroupCommit<(string GrainKey, LineUserKind Kind), bool> _registrations;

    public SqlPendingWorkRegistry(Database database, string owner, TimeProvider clock)
    {
        this.database = database;
        this.owner = owner;
        this.clock = clock;
        _registrations = new GroupCommit<(string, LineUserKind), bool>(RegisterBatchAsync, MaxRowsPerStatement);
    }

    public string Owner => owner;

    /// <summary>Done once the batch that carries it is durable.</summary>
    public Task RegisterAsync(string grainKey, LineUserKind kind, CancellationToken cancellationToken = default) =>
        _registrations.WriteAsync((grainKey, kind)).WaitAsync(cancellationToken);

    /// <summary>One statement for the batch. A grain registered twice in it is written once (an upsert may not touch a row twice).</summary>
    private async Task<IReadOnlyList<bool>> RegisterBatchAsync(IReadOnlyList<(string GrainKey, LineUserKind Kind)> batch)
    {
        var rows = batch.DistinctBy(b => b.GrainKey).ToList();
        await using var connection = await database.OpenAsync();
        await using var command = connection.CreateCommand();
        var sql = new System.Text.StringBuilder("INSERT INTO oc_pending_work (grain_key, kind, owner, since) VALUES ");
        for (var i = 0; i < rows.Count; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append($"(@k{i}, @t{i}, @owner, @since)");
            command.Add($"k{i}", rows[i].GrainKey);
            command.Add($"t{i}", (short)rows[i].Kind);
        }
        sql.Append(" ON CONFLICT (grain_key) DO UPDATE SET owner = excluded.owner, kind = excluded.kind");
        command.CommandText = sql.ToString();
        command.Add("owner", owner);
        command.Add("since", database.Time(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync();
        return [.. batch.Select(_ => true)];
    }

    // This silo's entry, or the one its deactivating activation handed to no silo: if the grain has moved
    // meanwhile, the entry is its new home's.
    public Task ReleaseAsync(string grainKey, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("DELETE FROM oc_pending_work WHERE grain_key = @key AND owner IN (@owner, @none)", cancellationToken,
            ("key", grainKey), ("owner", owner), ("none", IPendingWorkRegistry.NoSilo));

    public Task OrphanAsync(string grainKey, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("UPDATE oc_pending_work SET owner = @none WHERE grain_key = @key AND owner = @owner", cancellationToken,
            ("none", IPendingWorkRegistry.NoSilo), ("key", grainKey), ("owner", owner));

    public Task ForgetOrphanAsync(string grainKey, string deadOwner, CancellationToken cancellationToken = default) =>
        database.ExecuteAsync("DELETE FROM oc_pending_work WHERE grain_key = @key AND owner = @owner", cancellationToken,
            ("key", grainKey), ("owner", deadOwner));

    public async Task<IReadOnlyList<(string GrainKey, LineUserKind Kind, string Owner)>> OrphanedAsync(
        IReadOnlySet<string> liveSilos, int max, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var owners = connection.CreateCommand();
        owners.CommandText = "SELECT DISTINCT owner FROM oc_pending_work";
        var gone = new List<string>();
        await using (var reader = await owners.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var name = reader.GetString(0);
                if (!liveSilos.Contains(name))
                {
                    gone.Add(name);
                }
            }
        }

        var found = new List<(string, LineUserKind, string)>();
        foreach (var name in gone)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT grain_key, kind FROM oc_pending_work WHERE owner = @owner ORDER BY since LIMIT @max";
            command.Add("owner", name);
            command.Add("max", max - found.Count);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                found.Add((reader.GetString(0), (LineUserKind)Convert.ToInt32(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture), name));
            }
            if (found.Count >= max)
            {
                break;
            }
        }
        return found;
    }
}
