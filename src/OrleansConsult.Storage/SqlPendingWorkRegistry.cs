using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// <see cref="IPendingWorkRegistry"/> on the project's database. <paramref name="owner"/> names this
/// silo (address and generation), so a restarted silo on the same address is a different owner.
/// </summary>
public sealed class SqlPendingWorkRegistry(Database database, string owner, TimeProvider clock) : IPendingWorkRegistry
{
    public string Owner => owner;

    public async Task RegisterAsync(string grainKey, LineUserKind kind, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_pending_work (grain_key, kind, owner, since) VALUES (@key, @kind, @owner, @since)
            ON CONFLICT (grain_key) DO UPDATE SET owner = excluded.owner, kind = excluded.kind
            """;
        command.Add("key", grainKey);
        command.Add("kind", (short)kind);
        command.Add("owner", owner);
        command.Add("since", database.Time(clock.GetUtcNow()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Only this silo's entry: if the grain has moved meanwhile, the entry is its new home's.
    public Task ReleaseAsync(string grainKey, CancellationToken cancellationToken = default) =>
        DeleteAsync(grainKey, owner, cancellationToken);

    public Task ForgetOrphanAsync(string grainKey, string deadOwner, CancellationToken cancellationToken = default) =>
        DeleteAsync(grainKey, deadOwner, cancellationToken);

    private async Task DeleteAsync(string grainKey, string entryOwner, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM oc_pending_work WHERE grain_key = @key AND owner = @owner";
        command.Add("key", grainKey);
        command.Add("owner", entryOwner);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
