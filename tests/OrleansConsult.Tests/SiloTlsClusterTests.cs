using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>
/// Two Hosts on PostgreSQL with Orleans:Tls on, each with its own certificate from the cluster's
/// CA (as cert-manager issues them): they form one cluster and call each other, and their silo
/// ports speak TLS and refuse a certificate from another CA.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SiloTlsClusterTests(PostgresServer postgres) : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private Dictionary<string, string?> Settings(string connectionString, X509Certificate2 certificate, string ca, string name)
    {
        var settings = HostRunner.Postgres(connectionString, "tls");
        var (crt, key) = TestCertificates.WritePem(certificate, _folder.Path, name);
        settings["Orleans:Tls:CertificatePath"] = crt;
        settings["Orleans:Tls:KeyPath"] = key;
        settings["Orleans:Tls:CaPath"] = ca;
        return settings;
    }

    [Fact]
    public async Task Two_silos_with_tls_form_one_cluster_and_refuse_a_stranger()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"]));
        using var authority = TestCertificates.Authority("orleansconsult silo CA");
        using var certificateA = TestCertificates.IssuedBy(authority, "silo-a");
        using var certificateB = TestCertificates.IssuedBy(authority, "silo-b");
        var ca = TestCertificates.WriteCertificatePem(authority, _folder.Path, "ca");
        var settingsB = Settings(connectionString, certificateB, ca, "b");

        await using var a = await HostRunner.StartAsync(Settings(connectionString, certificateA, ca, "a"));
        await using var b = await HostRunner.StartAsync(settingsB);

        // Silo-to-silo messages over TLS: A asks both silos (itself and B) for their runtime statistics.
        var management = a.Grains.GetGrain<IManagementGrain>(0);
        Assert.True(await Eventually.TrueAsync(async () => (await management.GetHosts(onlyActive: true)).Count == 2, TimeSpan.FromSeconds(30)),
            "the two silos never both became active");
        var hosts = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
        var statistics = await management.GetRuntimeStatistics(hosts).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(2, statistics.Length);

        // B's silo port speaks TLS, shows B's certificate, and takes a peer certificate from the cluster's CA...
        var siloPortB = int.Parse(settingsB["Orleans:SiloPort"]!);
        var (accepted, shown) = await HandshakeAsync(siloPortB, certificateA);
        Assert.True(accepted, "B refused a certificate from the cluster's CA");
        Assert.Equal(certificateB.Thumbprint, shown?.Thumbprint);

        // ...but not one from another CA, nor none at all.
        using var otherAuthority = TestCertificates.Authority("orleansconsult silo CA");
        using var stranger = TestCertificates.IssuedBy(otherAuthority, "silo-x");
        Assert.False((await HandshakeAsync(siloPortB, stranger)).Accepted, "B accepted a certificate from another CA");
        Assert.False((await HandshakeAsync(siloPortB, null)).Accepted, "B accepted a peer without a certificate");
    }

    /// <summary>
    /// A TLS client handshake on a silo port. With TLS 1.3 a refused client certificate shows on the
    /// first read (the server's alert closes the connection); an accepted one leaves the server
    /// waiting for the Orleans preamble, so the read is still pending after a short wait.
    /// </summary>
    private static async Task<(bool Accepted, X509Certificate2? Shown)> HandshakeAsync(int port, X509Certificate2? clientCertificate)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port).WaitAsync(Bound);
        X509Certificate2? shown = null;
        await using var tls = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
        {
            shown = certificate is null ? null : new X509Certificate2(certificate);
            return true;
        });
        try
        {
            using var handshake = new CancellationTokenSource(Bound);
            await tls.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
            {
                TargetHost = "silo",
                ClientCertificates = clientCertificate is null ? null : [clientCertificate],
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }, handshake.Token);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var read = await tls.ReadAsync(new byte[1], wait.Token);
            return (read > 0, shown);
        }
        catch (OperationCanceledException)
        {
            return (true, shown); // still connected, the server waits for us: accepted
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException)
        {
            return (false, shown);
        }
    }
}
