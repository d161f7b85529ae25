using System.Web;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Host.Media;
using OrleansConsult.Storage;

namespace OrleansConsult.Tests.Media;

/// <summary>The signed media URL: exactly the id, variant and expiry it was made for, until it expires, under any key of the ring.</summary>
public sealed class MediaUrlSignerTests
{
    private static readonly string Ring = PayloadProtector.NewKeyRingEntry("k1");
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    private MediaUrlSigner Signer(string ring = "", TimeSpan? lifetime = null) =>
        new(new PayloadProtector(ring.Length == 0 ? Ring : ring), _clock, "https://consult.example.jp/", lifetime ?? TimeSpan.FromHours(1));

    private static (string Id, string Variant, long Expires, string Signature) Parse(string url)
    {
        var uri = new Uri(url);
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var query = HttpUtility.ParseQueryString(uri.Query);
        return (segments[1], segments[2], long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]!);
    }

    [Fact]
    public void A_url_names_the_media_under_the_public_base_and_verifies_until_it_expires()
    {
        var signer = Signer();
        var url = signer.Sign("media-1", preview: false);
        Assert.StartsWith("https://consult.example.jp/media/media-1/original?exp=", url);
        var (id, variant, expires, signature) = Parse(url);
        Assert.Equal(_clock.GetUtcNow().AddHours(1).ToUnixTimeSeconds(), expires);
        Assert.True(signer.Verify(id, variant, expires, signature));

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.True(signer.Verify(id, variant, expires, signature));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(signer.Verify(id, variant, expires, signature));
    }

    [Fact]
    public void Another_id_variant_expiry_or_a_changed_signature_does_not_verify()
    {
        var signer = Signer();
        var (id, variant, expires, signature) = Parse(signer.Sign("media-1", preview: false));
        Assert.False(signer.Verify("media-2", variant, expires, signature));
        Assert.False(signer.Verify(id, "preview", expires, signature));
        Assert.False(signer.Verify(id, "other", expires, signature));
        Assert.False(signer.Verify(id, variant, expires + 3600, signature));
        Assert.False(signer.Verify(id, variant, expires, signature[..^1] + (signature[^1] == 'A' ? 'B' : 'A')));
        Assert.False(signer.Verify(id, variant, expires, ""));
        Assert.False(signer.Verify(id, variant, expires, null));
    }

    [Fact]
    public void A_signature_of_another_key_ring_does_not_verify_but_one_of_a_rotated_key_still_does()
    {
        var (id, variant, expires, signature) = Parse(Signer().Sign("media-1", preview: true));
        Assert.Equal("preview", variant);
        Assert.False(Signer(PayloadProtector.NewKeyRingEntry("k9")).Verify(id, variant, expires, signature));
        var rotated = Signer(PayloadProtector.NewKeyRingEntry("k2") + ";" + Ring);
        Assert.True(rotated.Verify(id, variant, expires, signature));
        // New URLs are signed with the newest key: the old ring alone does not verify them.
        var (newId, newVariant, newExpires, newSignature) = Parse(rotated.Sign("media-1", preview: true));
        Assert.False(Signer().Verify(newId, newVariant, newExpires, newSignature));
    }

    [Fact]
    public void Two_signers_of_one_ring_agree_and_the_lifetime_is_a_setting()
    {
        var shortLived = Signer(lifetime: TimeSpan.FromMinutes(5));
        var (id, variant, expires, signature) = Parse(shortLived.Sign("m", preview: false));
        Assert.True(Signer().Verify(id, variant, expires, signature));
        _clock.Advance(TimeSpan.FromMinutes(5));
        Assert.False(Signer().Verify(id, variant, expires, signature));
    }
}
