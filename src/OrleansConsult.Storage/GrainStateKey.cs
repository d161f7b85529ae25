using System.Text;

namespace OrleansConsult.Storage;

/// <summary>
/// A grain's key as the AdoNet grain storage keeps it in oc_grain_state: two 64-bit halves and an
/// extension string, and the bytes its grain-id hash is taken over. The AdoNet provider's own type for
/// this is internal; this one must agree with it column for column (the batched writer updates rows
/// the provider reads, and <c>GrainStateBatchWriterTests</c> checks both ways).
/// </summary>
public sealed record GrainStateKey(long N0, long N1, string? Extension, bool IsGuid, bool IsInteger)
{
    public static GrainStateKey Of(GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            var bytes = guid.ToByteArray();
            return new GrainStateKey(BitConverter.ToInt64(bytes, 0), BitConverter.ToInt64(bytes, 8), extension, IsGuid: true, IsInteger: false);
        }
        if (grainId.TryGetIntegerKey(out var number, out extension))
        {
            return new GrainStateKey(0, number, extension, IsGuid: false, IsInteger: true);
        }
        return new GrainStateKey(0, 0, grainId.Key.ToString(), IsGuid: false, IsInteger: false);
    }

    /// <summary>The extension column: '' when there is none (the primary key cannot hold NULL).</summary>
    public string ExtensionColumn => Extension ?? "";

    /// <summary>What the provider hashes for grain_id_hash: the key's bytes then the extension's, reversed on little-endian machines.</summary>
    public byte[] HashBytes()
    {
        byte[] bytes;
        if (IsInteger || IsGuid)
        {
            bytes = IsInteger ? BitConverter.GetBytes(N1) : GuidOfHalves().ToByteArray();
            if (Extension is not null)
            {
                bytes = [.. bytes, .. Encoding.UTF8.GetBytes(Extension)];
            }
        }
        else
        {
            bytes = Encoding.UTF8.GetBytes(Extension!);
        }
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }
        return bytes;
    }

    // The provider's own reassembly of the Guid from its halves.
    private Guid GuidOfHalves() => new(
        (uint)(N0 & 0xffffffff), (ushort)(N0 >> 32), (ushort)(N0 >> 48),
        (byte)N1, (byte)(N1 >> 8), (byte)(N1 >> 16), (byte)(N1 >> 24), (byte)(N1 >> 32), (byte)(N1 >> 40), (byte)(N1 >> 48), (byte)(N1 >> 56));
}
