using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Storage;

/// <summary>
/// The keyed pseudonym of a LINE user: HMAC-SHA256 of channel and user id under a 256-bit key, as
/// 43 base64url characters. Grain keys, table columns, logs, metrics and the dashboard carry this,
/// never the id; the id itself lives only inside the user's encrypted grain state, for sending.
/// The key is made once, stored sealed with the key ring in oc_secrets (so it survives rotation and
/// every pod shares it) and read at first use.
/// </summary>
public sealed class LinePseudonyms(Database database, PayloadProtector protector)
{
    private const string SecretName = "line-pseudonym-key";
    private readonly object _gate = new();
    private volatile Task<byte[]>? _key;

    public async ValueTask<string> OfAsync(string channel, string lineUserId)
    {
        var key = await KeyAsync();
        return Base64Url.EncodeToString(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(channel + "\n" + lineUserId)));
    }

    private Task<byte[]> KeyAsync()
    {
        // Every webhook asks: once loaded, no lock.
        if (_key is { IsCompletedSuccessfully: true } loaded)
        {
            return loaded;
        }
        lock (_gate)
        {
            // A failed read (storage down) is tried again at the next use.
            if (_key is null || _key.IsFaulted || _key.IsCanceled)
            {
                _key = LoadAsync();
            }
            return _key;
        }
    }

    private async Task<byte[]> LoadAsync()
    {
        await using var connection = await database.OpenAsync();
        await using (var insert = connection.CreateCommand())
        {
            // First silo wins; the others read its key.
            insert.CommandText = "INSERT INTO oc_secrets (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING";
            insert.Add("name", SecretName);
            insert.Add("value", protector.Seal(RandomNumberGenerator.GetBytes(32), AssociatedData));
            await insert.ExecuteNonQueryAsync();
        }
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT value FROM oc_secrets WHERE name = @name";
        select.Add("name", SecretName);
        var sealedKey = (byte[])(await select.ExecuteScalarAsync())!;
        return protector.OpenBytes(sealedKey, AssociatedData);
    }

    /// <summary>Binds the sealed key to its row.</summary>
    public static string AssociatedData => SealedRows.Secret(SecretName);
}
