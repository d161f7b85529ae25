using Microsoft.Extensions.Configuration;
using OrleansConsult.Host;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>Orleans:Tls settings and the peer check, without a silo.</summary>
public sealed class SiloTlsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static SiloTls? Load(Dictionary<string, string?> settings) =>
        SiloTls.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), TimeProvider.System);

    [Fact]
    public void Off_unless_a_certificate_is_configured() => Assert.Null(Load(new()));

    [Fact]
    public void A_pfx_with_its_password_loads_and_a_wrong_password_is_named_without_echoing_it()
    {
        using var certificate = TestCertificates.SelfSigned("silo");
        var pfx = TestCertificates.WritePfx(certificate, _folder.Path, "silo", "pfx-password");

        var tls = Load(new() { ["Orleans:Tls:CertificatePath"] = pfx, ["Orleans:Tls:CertificatePassword"] = "pfx-password" })!;
        Assert.True(tls.Certificate.HasPrivateKey);
        Assert.Equal(certificate.Thumbprint, tls.Certificate.Thumbprint);
        Assert.Null(tls.Authorities);

        var ex = Assert.Throws<HostConfigurationException>(() =>
            Load(new() { ["Orleans:Tls:CertificatePath"] = pfx, ["Orleans:Tls:CertificatePassword"] = "not-the-password" }));
        Assert.StartsWith($"Orleans:Tls:CertificatePath '{pfx}' cannot be read", ex.Message);
        Assert.DoesNotContain("not-the-password", ex.Message);
    }

    [Fact]
    public void A_pem_certificate_needs_its_key()
    {
        using var certificate = TestCertificates.SelfSigned("silo");
        var (crt, key) = TestCertificates.WritePem(certificate, _folder.Path, "tls");

        var tls = Load(new() { ["Orleans:Tls:CertificatePath"] = crt, ["Orleans:Tls:KeyPath"] = key })!;
        Assert.True(tls.Certificate.HasPrivateKey);

        var ex = Assert.Throws<HostConfigurationException>(() => Load(new() { ["Orleans:Tls:CertificatePath"] = crt }));
        Assert.StartsWith("Orleans:Tls:CertificatePath", ex.Message);
    }

    [Fact]
    public void Missing_files_expired_certificates_and_empty_ca_bundles_stop_the_start_with_the_setting_named()
    {
        var missing = Path.Combine(_folder.Path, "nope.crt");
        Assert.StartsWith("Orleans:Tls:CertificatePath", Assert.Throws<HostConfigurationException>(() =>
            Load(new() { ["Orleans:Tls:CertificatePath"] = missing })).Message);

        using var expired = TestCertificates.SelfSigned("old", DateTimeOffset.UtcNow.AddDays(-10), DateTimeOffset.UtcNow.AddDays(-1));
        var (oldCrt, oldKey) = TestCertificates.WritePem(expired, _folder.Path, "old");
        Assert.Contains("is not valid now", Assert.Throws<HostConfigurationException>(() =>
            Load(new() { ["Orleans:Tls:CertificatePath"] = oldCrt, ["Orleans:Tls:KeyPath"] = oldKey })).Message);

        using var certificate = TestCertificates.SelfSigned("silo");
        var (crt, key) = TestCertificates.WritePem(certificate, _folder.Path, "tls");
        var empty = Path.Combine(_folder.Path, "ca.crt");
        File.WriteAllText(empty, "");
        Assert.StartsWith("Orleans:Tls:CaPath", Assert.Throws<HostConfigurationException>(() =>
            Load(new() { ["Orleans:Tls:CertificatePath"] = crt, ["Orleans:Tls:KeyPath"] = key, ["Orleans:Tls:CaPath"] = empty })).Message);
    }

    [Fact]
    public void Without_a_ca_a_peer_must_present_the_very_same_certificate()
    {
        using var certificate = TestCertificates.SelfSigned("orleansconsult-silo");
        using var lookalike = TestCertificates.SelfSigned("orleansconsult-silo"); // same name, other key
        var (crt, key) = TestCertificates.WritePem(certificate, _folder.Path, "tls");
        var tls = Load(new() { ["Orleans:Tls:CertificatePath"] = crt, ["Orleans:Tls:KeyPath"] = key })!;

        Assert.True(tls.IsTrustedPeer(certificate));
        Assert.False(tls.IsTrustedPeer(lookalike));
    }

    [Fact]
    public void With_a_ca_any_valid_certificate_it_issued_is_a_peer_and_nothing_else()
    {
        using var authority = TestCertificates.Authority("orleansconsult silo CA");
        using var otherAuthority = TestCertificates.Authority("orleansconsult silo CA"); // same name, other key
        using var mine = TestCertificates.IssuedBy(authority, "silo-0");
        using var renewedPeer = TestCertificates.IssuedBy(authority, "silo-1");
        using var stranger = TestCertificates.IssuedBy(otherAuthority, "silo-1");
        using var selfSigned = TestCertificates.SelfSigned("silo-1");
        var (crt, key) = TestCertificates.WritePem(mine, _folder.Path, "tls");
        var ca = TestCertificates.WriteCertificatePem(authority, _folder.Path, "ca");
        var tls = Load(new() { ["Orleans:Tls:CertificatePath"] = crt, ["Orleans:Tls:KeyPath"] = key, ["Orleans:Tls:CaPath"] = ca })!;

        Assert.True(tls.IsTrustedPeer(mine));
        Assert.True(tls.IsTrustedPeer(renewedPeer));
        Assert.False(tls.IsTrustedPeer(stranger));
        Assert.False(tls.IsTrustedPeer(selfSigned));
    }
}
