using System.Security.Cryptography;
using OrleansConsult.Storage;

namespace OrleansConsult.Tests;

public sealed class PayloadProtectorTests
{
    private static readonly string OldKey = PayloadProtector.NewKeyRingEntry("k1");
    private static readonly string NewKey = PayloadProtector.NewKeyRingEntry("k2");

    [Fact]
    public void Round_trips_and_does_not_leak_the_plaintext()
    {
        var protector = new PayloadProtector(OldKey);
        var sealedValue = protector.Seal("妊娠したかもしれません", "case:K3F2:1");

        var needle = "妊娠"u8.ToArray();
        Assert.DoesNotContain(SubArrays(sealedValue, needle.Length), window => window.AsSpan().SequenceEqual(needle));
        Assert.Equal("妊娠したかもしれません", protector.Open(sealedValue, "case:K3F2:1"));
    }

    [Fact]
    public void Rows_sealed_with_a_rotated_key_still_open_while_the_key_is_in_the_ring()
    {
        var sealedWithOld = new PayloadProtector(OldKey).Seal("before rotation", "row");
        var rotated = new PayloadProtector($"{NewKey};{OldKey}");

        Assert.Equal("k2", rotated.CurrentKeyId);
        Assert.Equal("before rotation", rotated.Open(sealedWithOld, "row"));
        Assert.Throws<CryptographicException>(() => new PayloadProtector(NewKey).Open(sealedWithOld, "row"));
    }

    [Fact]
    public void A_tampered_value_or_a_value_moved_to_another_row_does_not_open()
    {
        var protector = new PayloadProtector(OldKey);
        var sealedValue = protector.Seal("text", "row-1");

        Assert.ThrowsAny<CryptographicException>(() => protector.Open(sealedValue, "row-2"));
        sealedValue[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => protector.Open(sealedValue, "row-1"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("k1:notbase64!")]
    [InlineData("k1:AAAA")]
    public void A_bad_key_ring_names_the_setting(string ring)
    {
        var error = Assert.Throws<StorageConfigurationException>(() => new PayloadProtector(ring));
        Assert.StartsWith("Transcripts:Keys", error.Message);
    }

    private static IEnumerable<byte[]> SubArrays(byte[] value, int length) =>
        Enumerable.Range(0, Math.Max(0, value.Length - length + 1)).Select(i => value[i..(i + length)]);
}
