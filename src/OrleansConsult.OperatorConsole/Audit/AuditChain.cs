using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>
/// The hash chain: each row's hash is SHA-256 over its own fields and the previous row's hash, so
/// changing, removing or reordering any row breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(long seq, DateTimeOffset at, AuditEntry entry, string prevHash)
    {
        // Length-prefixed fields: no two different rows serialize to the same text.
        var text = new StringBuilder();
        foreach (var field in new[]
                 {
                     seq.ToString(CultureInfo.InvariantCulture), at.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
                     entry.Actor, entry.Action, entry.Tenant, entry.Target, entry.BeforeJson, entry.AfterJson, prevHash,
                 })
        {
            text.Append(field is null ? "-1" : field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('|');
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))).ToLowerInvariant();
    }

    public static string Hash(AuditRecord record) => Hash(record.Seq, record.At,
        new AuditEntry(record.Actor, record.Action, record.Tenant, record.Target, record.BeforeJson, record.AfterJson), record.PrevHash);

    /// <summary>The first row (by seq) whose link or hash does not hold, or null when the chain is whole.</summary>
    public static AuditRecord? FirstBroken(IEnumerable<AuditRecord> records)
    {
        var previous = Genesis;
        long expectedSeq = 1;
        foreach (var record in records)
        {
            if (record.Seq != expectedSeq || record.PrevHash != previous || Hash(record) != record.Hash)
            {
                return record;
            }
            previous = record.Hash;
            expectedSeq++;
        }
        return null;
    }

    /// <summary>Times are kept to the microsecond so PostgreSQL and SQLite give back what was hashed.</summary>
    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % 10, TimeSpan.Zero);
}
