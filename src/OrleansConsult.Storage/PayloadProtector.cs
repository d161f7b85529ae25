using System.Security.Cryptography;
using System.Text;

namespace OrleansConsult.Storage;

/// <summary>
/// AES-GCM encryption of personal data at rest (transcripts, queued outbound messages).
/// Keys come from the "Transcripts:Keys" setting as "keyId:base64Key[;keyId:base64Key...]":
/// the first key encrypts, every key decrypts, so keys can rotate while old rows stay readable.
/// Layout of a sealed value: [key id length][key id][12-byte nonce][16-byte tag][ciphertext].
/// The associated data binds a value to its row (e.g. case id + sequence) so rows cannot be swapped.
/// </summary>
public sealed class PayloadProtector
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly (string Id, byte[] Key) _current;
    private readonly Dictionary<string, byte[]> _keys;

    public PayloadProtector(string keyRing)
    {
        _keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var entries = keyRing.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (entries.Length == 0)
        {
            throw new StorageConfigurationException("Transcripts:Keys must hold at least one key as keyId:base64Key.");
        }

        foreach (var entry in entries)
        {
            var colon = entry.IndexOf(':');
            byte[] key;
            try
            {
                key = colon > 0 ? Convert.FromBase64String(entry[(colon + 1)..]) : [];
            }
            catch (FormatException)
            {
                key = [];
            }
            var id = colon > 0 ? entry[..colon] : entry;
            if (key.Length != 32 || id.Length is 0 or > 64)
            {
                throw new StorageConfigurationException($"Transcripts:Keys entry '{id}' must be keyId:base64 of a 256-bit key.");
            }
            if (!_keys.TryAdd(id, key))
            {
                throw new StorageConfigurationException($"Transcripts:Keys names key '{id}' twice.");
            }
            if (_keys.Count == 1)
            {
                _current = (id, key);
            }
        }
    }

    public string CurrentKeyId => _current.Id;

    /// <summary>A fresh random key ring entry, for development defaults and tests.</summary>
    public static string NewKeyRingEntry(string keyId) => $"{keyId}:{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))}";

    public byte[] Seal(string plaintext, string associatedData) => Seal(Encoding.UTF8.GetBytes(plaintext), associatedData);

    public byte[] Seal(ReadOnlySpan<byte> data, string associatedData)
    {
        var id = Encoding.ASCII.GetBytes(_current.Id);
        var sealedValue = new byte[1 + id.Length + NonceSize + TagSize + data.Length];
        sealedValue[0] = (byte)id.Length;
        id.CopyTo(sealedValue, 1);
        var nonce = sealedValue.AsSpan(1 + id.Length, NonceSize);
        var tag = sealedValue.AsSpan(1 + id.Length + NonceSize, TagSize);
        var cipher = sealedValue.AsSpan(1 + id.Length + NonceSize + TagSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_current.Key, TagSize);
        aes.Encrypt(nonce, data, cipher, tag, Encoding.UTF8.GetBytes(associatedData));
        return sealedValue;
    }

    /// <summary>The id of the key a sealed value was sealed with (no decryption).</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> sealedValue) => Encoding.ASCII.GetString(sealedValue.Slice(1, sealedValue[0]));

    /// <summary>
    /// Opens a value with the key it names and seals it again with the current key, under the same
    /// associated data (its row context). Null when it already uses the current key. The one step the
    /// rekey command takes for every sealed value, whatever table it is in.
    /// </summary>
    public byte[]? Reseal(ReadOnlySpan<byte> sealedValue, string associatedData) =>
        KeyIdOf(sealedValue) == _current.Id ? null : Seal(OpenBytes(sealedValue, associatedData), associatedData);

    public string Open(byte[] sealedValue, string associatedData) => Encoding.UTF8.GetString(OpenBytes(sealedValue, associatedData));

    public byte[] OpenBytes(ReadOnlySpan<byte> sealedValue, string associatedData)
    {
        var idLength = sealedValue[0];
        var id = Encoding.ASCII.GetString(sealedValue.Slice(1, idLength));
        if (!_keys.TryGetValue(id, out var key))
        {
            throw new CryptographicException($"Key '{id}' is not in Transcripts:Keys; it was rotated out too early.");
        }
        var nonce = sealedValue.Slice(1 + idLength, NonceSize);
        var tag = sealedValue.Slice(1 + idLength + NonceSize, TagSize);
        var cipher = sealedValue[(1 + idLength + NonceSize + TagSize)..];
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(nonce, cipher, tag, plain, Encoding.UTF8.GetBytes(associatedData));
        return plain;
    }

    /// <summary>
    /// Keys for keyed hashes (HMAC-SHA256), one per ring key, derived with HKDF for one
    /// <paramref name="purpose"/> so a hash key is never an encryption key. The current key comes first;
    /// the others let a value hashed before a rotation still be found.
    /// </summary>
    public IReadOnlyList<(string KeyId, byte[] Key)> DeriveHashKeys(string purpose)
    {
        var info = Encoding.UTF8.GetBytes("orleansconsult/" + purpose);
        return _keys.OrderBy(k => k.Key == _current.Id ? 0 : 1)
            .Select(k => (k.Key, HKDF.DeriveKey(HashAlgorithmName.SHA256, k.Value, 32, [], info)))
            .ToList();
    }
}
