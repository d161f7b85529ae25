namespace OrleansConsult.Abstractions;

/// <summary>
/// The dedup window keeps 64-bit hashes of webhookEventIds rather than the ids: 8 bytes instead of
/// ~27 per event, and the window is written with every accepted event (512 ids were 14 KiB of a
/// counselor's state). A false duplicate needs a 64-bit collision within one user's window.
/// </summary>
public static class EventIdHash
{
    public static long Of(string webhookEventId)
    {
        Span<byte> hash = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(webhookEventId), hash);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(hash);
    }

    public static IReadOnlyList<long> OfAll(params IEnumerable<string> webhookEventIds) => webhookEventIds.Select(Of).ToList();
}
