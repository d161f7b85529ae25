using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace OrleansConsult.Storage;

/// <summary>
/// Reminder table for the embedded default: rows in the SQLite file next to grain state, so
/// reminders survive a restart. Same row shape and etag rules as the AdoNet provider on PostgreSQL.
/// </summary>
public sealed class SqliteReminderTable(StorageOptions storage, IOptions<ClusterOptions> cluster) : IReminderTable
{
    private readonly string _connectionString = storage.EffectiveConnectionString();
    private readonly string _serviceId = cluster.Value.ServiceId;

    private const string Columns = "GrainId, ReminderName, StartTime, Period, Version";

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        QueryAsync($"SELECT {Columns} FROM OrleansRemindersTable WHERE ServiceId = @s AND GrainId = @g",
            c => c.Parameters.AddWithValue("@g", grainId.ToString()));

    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        // Hashes are stored as signed ints; a range that wraps around the ring reads both ends.
        var wraps = unchecked((int)begin) >= unchecked((int)end);
        var where = wraps ? "(GrainHash > @b OR GrainHash <= @e)" : "GrainHash > @b AND GrainHash <= @e";
        return QueryAsync($"SELECT {Columns} FROM OrleansRemindersTable WHERE ServiceId = @s AND {where}", c =>
        {
            c.Parameters.AddWithValue("@b", unchecked((int)begin));
            c.Parameters.AddWithValue("@e", unchecked((int)end));
        });
    }

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName)
    {
        var rows = await QueryAsync($"SELECT {Columns} FROM OrleansRemindersTable WHERE ServiceId = @s AND GrainId = @g AND ReminderName = @n", c =>
        {
            c.Parameters.AddWithValue("@g", grainId.ToString());
            c.Parameters.AddWithValue("@n", reminderName);
        });
        return rows.Reminders.FirstOrDefault();
    }

    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES (@s, @g, @n, @t, @p, @h, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
            SET StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
                Version = OrleansRemindersTable.Version + 1
            RETURNING Version;
            """;
        command.Parameters.AddWithValue("@s", _serviceId);
        command.Parameters.AddWithValue("@g", entry.GrainId.ToString());
        command.Parameters.AddWithValue("@n", entry.ReminderName);
        command.Parameters.AddWithValue("@t", DateTime.SpecifyKind(entry.StartAt, entry.StartAt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : entry.StartAt.Kind).ToUniversalTime().ToString("O"));
        command.Parameters.AddWithValue("@p", (long)entry.Period.TotalMilliseconds);
        command.Parameters.AddWithValue("@h", unchecked((int)entry.GrainId.GetUniformHashCode()));
        var version = Convert.ToInt64(await command.ExecuteScalarAsync());
        return version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM OrleansRemindersTable WHERE ServiceId = @s AND GrainId = @g AND ReminderName = @n AND Version = @v";
        command.Parameters.AddWithValue("@s", _serviceId);
        command.Parameters.AddWithValue("@g", grainId.ToString());
        command.Parameters.AddWithValue("@n", reminderName);
        command.Parameters.AddWithValue("@v", long.Parse(eTag, System.Globalization.CultureInfo.InvariantCulture));
        return await command.ExecuteNonQueryAsync() > 0;
    }

    public async Task TestOnlyClearTable()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM OrleansRemindersTable WHERE ServiceId = @s";
        command.Parameters.AddWithValue("@s", _serviceId);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<ReminderTableData> QueryAsync(string sql, Action<SqliteCommand> bind)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("@s", _serviceId);
        bind(command);
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTime.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.RoundtripKind).ToUniversalTime(),
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetInt64(4).ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
        }
        return new ReminderTableData(entries);
    }

    private async Task<SqliteConnection> OpenAsync()
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync();
        return connection;
    }
}
