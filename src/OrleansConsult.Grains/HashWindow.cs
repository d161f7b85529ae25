using System.Runtime.InteropServices;

namespace OrleansConsult.Grains;

/// <summary>A bounded, ordered window of 64-bit hashes kept as one byte array: it serializes as a copy.</summary>
internal static class HashWindow
{
    public static long[] Read(byte[] window) => MemoryMarshal.Cast<byte, long>(window).ToArray();

    public static bool Contains(byte[] window, long hash) => MemoryMarshal.Cast<byte, long>(window).Contains(hash);

    public static byte[] Write(IReadOnlyCollection<long> hashes) =>
        MemoryMarshal.AsBytes(hashes.ToArray().AsSpan()).ToArray();

    /// <summary>Appends; when over capacity the oldest falls out and is returned. One new array, no intermediate copy.</summary>
    public static byte[] Append(byte[] window, long hash, int capacity, out long? evicted)
    {
        var count = window.Length / sizeof(long);
        var keep = Math.Min(count, capacity - 1);
        evicted = keep < count ? MemoryMarshal.Read<long>(window.AsSpan((count - keep - 1) * sizeof(long))) : null;
        var next = new byte[(keep + 1) * sizeof(long)];
        window.AsSpan((count - keep) * sizeof(long)).CopyTo(next);
        MemoryMarshal.Write(next.AsSpan(keep * sizeof(long)), in hash);
        return next;
    }

    public static byte[] Remove(byte[] window, long hash)
    {
        var hashes = Read(window).ToList();
        var at = hashes.LastIndexOf(hash);
        if (at < 0)
        {
            return window;
        }
        hashes.RemoveAt(at);
        return Write(hashes);
    }
}
