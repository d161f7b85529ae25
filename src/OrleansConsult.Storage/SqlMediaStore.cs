using System.Security.Cryptography;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Storage;

/// <summary>
/// Media of cases in table oc_media. The bytes (and the preview's) are sealed with
/// <see cref="PayloadProtector"/>, bound to the random media id; ids, case, tenant, time, kind and
/// size stay in clear for retention and reports.
/// </summary>
public sealed class SqlMediaStore(Database database, PayloadProtector protector) : IMediaStore
{
    public async Task<string> PutAsync(StoredMedia media, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(media);
        var mediaId = NewId();
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var insert = connection.CreateCommand())
        {
            insert.CommandText = """
                INSERT INTO oc_media (media_id, case_id, tenant_id, entry_id, at, kind, content_type, size, payload, preview_type, preview)
                VALUES (@id, @case, @tenant, @entry, @at, @kind, @type, @size, @payload, @previewType, @preview)
                ON CONFLICT (case_id, entry_id) DO NOTHING
                """;
            insert.Add("id", mediaId);
            insert.Add("case", media.CaseId);
            insert.Add("tenant", media.TenantId);
            insert.Add("entry", media.EntryId);
            insert.Add("at", database.Time(media.At));
            insert.Add("kind", media.Kind);
            insert.Add("type", media.ContentType);
            insert.Add("size", (long)media.Bytes.Length);
            insert.Add("payload", protector.Seal(media.Bytes, SealedRows.Media(mediaId, preview: false)));
            insert.Add("previewType", (object?)media.PreviewType ?? DBNull.Value);
            insert.Add("preview", media.Preview is { } preview ? protector.Seal(preview, SealedRows.Media(mediaId, preview: true)) : (object)DBNull.Value);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
            {
                return mediaId;
            }
        }
        // Stored before (the event is worked again after a crash): the id it already has.
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT media_id FROM oc_media WHERE case_id = @case AND entry_id = @entry";
        select.Add("case", media.CaseId);
        select.Add("entry", media.EntryId);
        return (string)(await select.ExecuteScalarAsync(cancellationToken))!;
    }

    public async Task<MediaContent?> GetAsync(string mediaId, bool preview, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = preview
            ? "SELECT preview, preview_type, kind FROM oc_media WHERE media_id = @id"
            : "SELECT payload, content_type, kind FROM oc_media WHERE media_id = @id";
        command.Add("id", mediaId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.IsDBNull(0))
        {
            return null;
        }
        var bytes = protector.OpenBytes((byte[])reader.GetValue(0), SealedRows.Media(mediaId, preview));
        return new MediaContent(bytes, reader.GetString(1), reader.GetString(2));
    }

    public async Task<int> DeleteCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM oc_media WHERE case_id = @case";
        command.Add("case", caseId);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Deletes a tenant's media stored before <paramref name="before"/> (its retention ran out). Returns how many.</summary>
    public async Task<int> PurgeAsync(string tenantId, DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM oc_media WHERE tenant_id = @tenant AND at < @before";
        command.Add("tenant", tenantId);
        command.Add("before", database.Time(before));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Rows of a case (tests and the erasure count).</summary>
    public async Task<int> CountCaseAsync(string caseId, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM oc_media WHERE case_id = @case";
        command.Add("case", caseId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }

    /// <summary>256 random bits: a media URL cannot be guessed even before its signature is checked.</summary>
    private static string NewId() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
