using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// Staff invitations in PostgreSQL or the embedded SQLite file (table oc_staff_invitation). Codes
/// and the LINE user who used one are kept only as HMAC-SHA256 under a key derived from the key
/// ring; every ring key is tried on lookup, so a rotation does not void open invitations.
/// </summary>
public sealed class SqlStaffInvitationStore(Database database, PayloadProtector protector) : IStaffInvitationStore
{
    private const string Columns = "id, owner_id, staff_id, created_at, expires_at, used_at, revoked_at";

    private readonly IReadOnlyList<(string KeyId, byte[] Key)> _keys = protector.DeriveHashKeys("staff-invitation");

    public async Task AddAsync(StaffInvitation invitation, string code, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO oc_staff_invitation (id, owner_id, staff_id, code_hash, key_id, created_at, expires_at)
            VALUES (@id, @owner, @staff, @hash, @key, @created, @expires)
            """;
        var (keyId, key) = _keys[0];
        command.Add("id", invitation.Id);
        command.Add("owner", invitation.OwnerId);
        command.Add("staff", invitation.StaffId);
        command.Add("hash", Hash(key, "code/" + code));
        command.Add("key", keyId);
        command.Add("created", database.Time(invitation.CreatedAt));
        command.Add("expires", database.Time(invitation.ExpiresAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<InvitationUse> ConsumeAsync(string code, string consumer, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One statement checks and marks: of two concurrent uses exactly one updates the row.
        await using (var consume = connection.CreateCommand())
        {
            consume.CommandText = $"""
                UPDATE oc_staff_invitation SET used_at = @now, used_by = @by
                WHERE code_hash IN ({CodeHashes(consume, code)}) AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
                RETURNING {Columns}
                """;
            consume.Add("now", database.Time(now));
            consume.Add("by", Hash(_keys[0].Key, "consumer/" + consumer));
            var used = (await ReadAsync(consume, cancellationToken)).FirstOrDefault();
            if (used is not null)
            {
                return new InvitationUse(InvitationStatus.Open, used);
            }
        }

        await using var find = connection.CreateCommand();
        find.CommandText = $"SELECT {Columns}, used_by FROM oc_staff_invitation WHERE code_hash IN ({CodeHashes(find, code)})";
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new InvitationUse(InvitationStatus.Unknown);
        }
        var invitation = Read(reader);
        var usedBy = reader.IsDBNull(7) ? null : reader.GetString(7);
        // The same LINE user again (her event retried after a crash): it is still hers.
        if (invitation.UsedAt is not null && usedBy is not null && _keys.Any(k => Hash(k.Key, "consumer/" + consumer) == usedBy))
        {
            return new InvitationUse(InvitationStatus.Open, invitation);
        }
        return new InvitationUse(invitation.StatusAt(now), invitation);
    }

    public Task<StaffInvitation?> RevokeByIdAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync(command =>
        {
            command.Add("id", id);
            return "id = @id";
        }, now, cancellationToken);

    public Task<StaffInvitation?> RevokeByCodeAsync(string code, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        RevokeWhereAsync(command => $"code_hash IN ({CodeHashes(command, code)})", now, cancellationToken);

    public async Task<int> RevokeOpenForAsync(string ownerId, string staffId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE oc_staff_invitation SET revoked_at = @now
            WHERE owner_id = @owner AND staff_id = @staff AND used_at IS NULL AND revoked_at IS NULL AND expires_at > @now
            """;
        command.Add("now", database.Time(now));
        command.Add("owner", ownerId);
        command.Add("staff", staffId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StaffInvitation>> ListAsync(string? ownerId, int limit, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"""
            SELECT {Columns} FROM oc_staff_invitation
            {(ownerId is null ? "" : "WHERE owner_id = @owner")}
            ORDER BY created_at DESC, id LIMIT @limit
            """;
        if (ownerId is not null)
        {
            command.Add("owner", ownerId);
        }
        command.Add("limit", limit);
        return await ReadAsync(command, cancellationToken);
    }

    /// <summary>Revokes the matching row if still unused, then reads it back as it stands.</summary>
    private async Task<StaffInvitation?> RevokeWhereAsync(Func<DbCommand, string> where, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var revoke = connection.CreateCommand())
        {
            revoke.CommandText = $"UPDATE oc_staff_invitation SET revoked_at = @now WHERE {where(revoke)} AND used_at IS NULL AND revoked_at IS NULL";
            revoke.Add("now", database.Time(now));
            await revoke.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var read = connection.CreateCommand();
        read.CommandText = $"SELECT {Columns} FROM oc_staff_invitation WHERE {where(read)}";
        return (await ReadAsync(read, cancellationToken)).FirstOrDefault();
    }

    /// <summary>Adds the code's hash under every ring key as parameters; returns their names for an IN list.</summary>
    private string CodeHashes(DbCommand command, string code)
    {
        var names = new List<string>();
        for (var i = 0; i < _keys.Count; i++)
        {
            command.Add($"h{i}", Hash(_keys[i].Key, "code/" + code));
            names.Add($"@h{i}");
        }
        return string.Join(", ", names);
    }

    private async Task<List<StaffInvitation>> ReadAsync(DbCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<StaffInvitation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }
        return rows;
    }

    private StaffInvitation Read(DbDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        reader.GetString(2),
        database.ReadTime(reader, 3),
        database.ReadTime(reader, 4),
        reader.IsDBNull(5) ? null : database.ReadTime(reader, 5),
        reader.IsDBNull(6) ? null : database.ReadTime(reader, 6));

    private static string Hash(byte[] key, string value) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(value)));
}
