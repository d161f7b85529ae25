namespace OrleansConsult.Grains;

/// <summary>
/// A retry key folded to 64 bits for <see cref="LineUserState.RepliedKeyHashes"/>. Retry keys are hashes
/// themselves (of event ids and send parts), so both halves are uniform; two of a user's last 256 keys
/// colliding is a chance of about 2^-48.
/// </summary>
internal static class RetryKeyHash
{
    public static long Of(Guid key)
    {
        Span<byte> bytes = stackalloc byte[16];
        key.TryWriteBytes(bytes);
        return BitConverter.ToInt64(bytes[..8]) ^ BitConverter.ToInt64(bytes[8..]);
    }
}
