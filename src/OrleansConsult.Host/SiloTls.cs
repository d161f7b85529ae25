using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;

namespace OrleansConsult.Host;

/// <summary>
/// "Orleans:Tls": mutual TLS on every silo-to-silo and gateway connection, off unless
/// CertificatePath is set. Each silo presents its certificate and accepts a peer that either
/// chains to the cluster's own CA (CaPath, e.g. cert-manager's ca.crt: certificates can then be
/// renewed pod by pod) or, without a CA, presents the very same certificate. Names are not
/// checked: pods come and go with new addresses, and only holders of the key or of a certificate
/// from the cluster's CA can complete the handshake.
/// </summary>
public sealed class SiloTls
{
    public const string Section = "Orleans:Tls";

    private SiloTls(X509Certificate2 certificate, X509Certificate2Collection? authorities)
    {
        Certificate = certificate;
        Authorities = authorities;
    }

    /// <summary>This silo's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The cluster's CA certificates; null when peers must present <see cref="Certificate"/> itself.</summary>
    public X509Certificate2Collection? Authorities { get; }

    /// <summary>Null when TLS is off. Every problem with a file is one line naming its setting.</summary>
    public static SiloTls? Load(IConfiguration configuration, TimeProvider time)
    {
        var section = configuration.GetSection(Section);
        var certificatePath = section["CertificatePath"];
        if (string.IsNullOrWhiteSpace(certificatePath))
        {
            return null;
        }
        var password = section["CertificatePassword"];
        var certificate = Read("CertificatePath", certificatePath, () => LoadCertificate(certificatePath, section["KeyPath"], password));
        if (!certificate.HasPrivateKey)
        {
            throw new HostConfigurationException($"{Section}:CertificatePath '{certificatePath}' has no private key (set {Section}:KeyPath for a PEM key file).");
        }
        var now = time.GetUtcNow();
        if (certificate.NotAfter.ToUniversalTime() <= now || certificate.NotBefore.ToUniversalTime() > now)
        {
            throw new HostConfigurationException($"{Section}:CertificatePath '{certificatePath}' is not valid now (valid {certificate.NotBefore:u} to {certificate.NotAfter:u}).");
        }

        X509Certificate2Collection? authorities = null;
        if (section["CaPath"] is { Length: > 0 } caPath)
        {
            authorities = Read("CaPath", caPath, () =>
            {
                var bundle = new X509Certificate2Collection();
                bundle.ImportFromPemFile(caPath);
                return bundle;
            });
            if (authorities.Count == 0)
            {
                throw new HostConfigurationException($"{Section}:CaPath '{caPath}' holds no PEM certificate.");
            }
        }
        return new SiloTls(certificate, authorities);
    }

    /// <summary>Silo-to-silo and gateway connections, both directions, with a certificate required from the peer.</summary>
    public void Apply(ISiloBuilder silo) => silo.UseTls(Certificate, options =>
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.RemoteCertificateValidation = (peer, _, _) => IsTrustedPeer(peer);
    });

    /// <summary>The platform's verdict is ignored (a private CA is no system root, and names are not checked).</summary>
    public bool IsTrustedPeer(X509Certificate2 peer)
    {
        if (Authorities is null)
        {
            return peer.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span);
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(Authorities);
        // The CA is the cluster's own and short-lived leaves are renewed, not revoked; no CRL to reach.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(peer);
    }

    private static X509Certificate2 LoadCertificate(string path, string? keyPath, string? password)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".pfx" or ".p12")
        {
            return X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        // PEM: the key in KeyPath, or in the same file. Without a key file the certificate file must hold it.
        return string.IsNullOrEmpty(password)
            ? X509Certificate2.CreateFromPemFile(path, string.IsNullOrEmpty(keyPath) ? null : keyPath)
            : X509Certificate2.CreateFromEncryptedPemFile(path, password, string.IsNullOrEmpty(keyPath) ? null : keyPath);
    }

    private static T Read<T>(string setting, string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            // The message of a wrong password or a broken file; never the password itself.
            throw new HostConfigurationException($"{Section}:{setting} '{path}' cannot be read: {ex.Message}");
        }
    }
}
