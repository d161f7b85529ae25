using System.Globalization;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Orleans.Storage;

namespace OrleansConsult.Storage;

/// <summary>
/// Grain-state writes of every grain on this silo, batched (PostgreSQL only): what grains write while one
/// statement is in flight leaves together in the next, one row each, each row still under its own version
/// check. It is the AdoNet provider's write (same table, same columns, same optimistic concurrency), for
/// many grains per round trip and per commit. Issue 14: a chat turn writes about four grain states (both
/// users' accepts, a spent reply token, the counselor's load), each a statement and a commit of its own.
/// </summary>
public sealed class GrainStateBatchWriter
{
    /// <summary>Nine arrays a statement, however many rows: one prepared statement serves every batch size.</summary>
    internal const int MaxRowsPerStatement = 128;

    private const string Sql = """
        WITH input AS (
            SELECT * FROM unnest(@ord, @id_hash, @type_hash, @grain_type, @n0, @n1, @ext, @expected, @payload)
                AS t(ord, id_hash, type_hash, grain_type, n0, n1, ext, expected, payload)),
        ins AS (
            INSERT INTO oc_grain_state (service_id, grain_type_hash, grain_id_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, payload, version)
            SELECT @service, type_hash, id_hash, grain_type, n0, n1, ext, payload, 1 FROM input WHERE expected IS NULL
            ON CONFLICT DO NOTHING
            RETURNING grain_id_hash, grain_type_hash, grain_type, grain_id_n0, grain_id_n1, grain_id_ext, version),
        upd AS (
            UPDATE oc_grain_state s
            SET payload = i.payload, version = s.version + 1, modified_on = now()
            FROM input i
            WHERE i.expected IS NOT NULL
              AND s.grain_id_hash = i.id_hash AND s.grain_type_hash = i.type_hash AND s.service_id = @service
              AND s.grain_type = i.grain_type AND s.grain_id_n0 = i.n0 AND s.grain_id_n1 = i.n1
              AND s.grain_id_ext = i.ext AND s.version = i.expected
            RETURNING i.ord, s.version)
        SELECT i.ord, COALESCE(u.version, n.version)
        FROM input i
        LEFT JOIN upd u ON u.ord = i.ord
        LEFT JOIN ins n ON i.expected IS NULL
            AND n.grain_id_hash = i.id_hash AND n.grain_type_hash = i.type_hash AND n.grain_type = i.grain_type
            AND n.grain_id_n0 = i.n0 AND n.grain_id_n1 = i.n1 AND n.grain_id_ext = i.ext
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly string _serviceId;
    private readonly string _providerName;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IStorageHasherPicker _hashPicker;
    private readonly GroupCommit<GrainStateWrite, int?> _writes;

    /// <param name="serializer">The provider's serializer (it seals with the grain's binding, so call inside one).</param>
    /// <param name="hashPicker">The provider's hasher picker: the row's hashes must be the ones it reads with.</param>
    public GrainStateBatchWriter(NpgsqlDataSource dataSource, string serviceId, string providerName, IGrainStorageSerializer serializer, IStorageHasherPicker hashPicker)
    {
        _dataSource = dataSource;
        _serviceId = serviceId;
        _providerName = providerName;
        _serializer = serializer;
        _hashPicker = hashPicker;
        _writes = new GroupCommit<GrainStateWrite, int?>(WriteBatchAsync, MaxRowsPerStatement);
    }

    /// <summary>
    /// Writes <paramref name="grainState"/> as the AdoNet provider would: under its ETag (the version it read),
    /// which becomes the row's new version. A lost race throws <see cref="InconsistentStateException"/>.
    /// </summary>
    /// <param name="key">The row key of <paramref name="grainId"/> (<see cref="GrainStateKey.Of"/>), which the caller already has.</param>
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, GrainStateKey key, IGrainState<T> grainState)
    {
        var hasher = _hashPicker.PickHasher(_serviceId, _providerName, stateName, grainId, grainState)
            ?? throw new InvalidOperationException($"No hasher for grain state {stateName}.");
        var expected = string.IsNullOrWhiteSpace(grainState.ETag) ? default(int?) : int.Parse(grainState.ETag, CultureInfo.InvariantCulture);
        var write = new GrainStateWrite(hasher.Hash(key.HashBytes()), hasher.Hash(Encoding.UTF8.GetBytes(stateName)), stateName, key, expected,
            _serializer.Serialize(grainState.State).ToArray());
        var version = await _writes.WriteAsync(write);
        if (version is null || version == expected)
        {
            throw new InconsistentStateException(
                $"Version conflict (WriteState): ServiceId={_serviceId} ProviderName={_providerName} GrainType={stateName} ETag={grainState.ETag}.");
        }
        grainState.ETag = version.Value.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    private async Task<IReadOnlyList<int?>> WriteBatchAsync(IReadOnlyList<GrainStateWrite> batch)
    {
        var results = new int?[batch.Count];
        // Two writes of one grain in one batch both expect the same version: at most one can win, so the
        // later one fails its check here (one statement cannot update a row twice).
        // (The hashes derive from the type and the key, so those two name the row.)
        var seen = new HashSet<(string, GrainStateKey)>();
        var rows = new List<int>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var w = batch[i];
            if (seen.Add((w.GrainType, w.Key)))
            {
                rows.Add(i);
            }
        }

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(Sql, connection);
        command.Parameters.Add(new NpgsqlParameter<int[]>("ord", [.. rows]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("id_hash", [.. rows.Select(i => batch[i].GrainIdHash)]));
        command.Parameters.Add(new NpgsqlParameter<int[]>("type_hash", [.. rows.Select(i => batch[i].GrainTypeHash)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("grain_type", [.. rows.Select(i => batch[i].GrainType)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]>("n0", [.. rows.Select(i => batch[i].Key.N0)]));
        command.Parameters.Add(new NpgsqlParameter<long[]>("n1", [.. rows.Select(i => batch[i].Key.N1)]));
        command.Parameters.Add(new NpgsqlParameter<string[]>("ext", [.. rows.Select(i => batch[i].Key.ExtensionColumn)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<int?[]>("expected", [.. rows.Select(i => batch[i].ExpectedVersion)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payload", [.. rows.Select(i => batch[i].Payload)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter<string>("service", _serviceId));
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            results[reader.GetInt32(0)] = reader.IsDBNull(1) ? null : reader.GetInt32(1);
        }
        return results;
    }
}
