using System.Net;
using Microsoft.Extensions.Configuration;
using OrleansConsult.Host;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests;

/// <summary>/metrics and /dashboard on the management port; webhooks and health on the public port.</summary>
public sealed class ManagementPortTests
{
    private static ManagementPort Load(string? port) =>
        ManagementPort.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Management:Port"] = port }).Build());

    [Fact]
    public void The_port_is_9090_unless_set_and_a_bad_value_is_named()
    {
        Assert.Equal(9090, Load(null).Port);
        Assert.Equal(9191, Load("9191").Port);
        var ex = Assert.Throws<HostConfigurationException>(() => Load("http"));
        Assert.StartsWith("Management:Port must be a TCP port", ex.Message);
        Assert.Throws<HostConfigurationException>(() => Load("70000"));
    }

    [Theory]
    [InlineData("http://+:8080", null, null, "http://+:8080")]
    [InlineData("http://127.0.0.1:0;http://[::1]:0", null, null, "http://127.0.0.1:0|http://[::1]:0")]
    [InlineData(null, "8080", null, "http://*:8080")]
    [InlineData("", "8080", "8443", "http://*:8080|https://*:8443")]
    [InlineData(null, null, null, "http://localhost:5000")]
    public void The_public_urls_are_what_kestrel_would_bind(string? urls, string? httpPorts, string? httpsPorts, string expected) =>
        Assert.Equal(expected.Split('|'), ManagementPort.PublicUrls(urls, httpPorts, httpsPorts));

    [Fact]
    public void The_management_port_listens_on_each_public_host_in_plain_http()
    {
        var management = new ManagementPort(9090);
        Assert.Equal(["http://+:9090"], management.Urls(["http://+:8080"]));
        Assert.Equal(["http://localhost:9090"], management.Urls(["http://localhost:5000", "https://localhost:5001"]));
        Assert.Equal(["http://127.0.0.1:9090", "http://[::1]:9090"], management.Urls(["http://127.0.0.1:0", "http://[::1]:0"]));
    }

    [Fact]
    public void The_management_port_cannot_be_a_public_port()
    {
        var ex = Assert.Throws<HostConfigurationException>(() => new ManagementPort(8080).Urls(["http://+:8080"]));
        Assert.Equal("Management:Port 8080 is also the port of the public URL 'http://+:8080'.", ex.Message);
    }

    [Fact]
    public async Task Each_port_serves_only_its_own_endpoints()
    {
        using var data = new TempFolder();
        var settings = HostRunner.Embedded(data.Path);
        settings["Operators:Password"] = "test-operator-password";
        await using var host = await HostRunner.StartAsync(settings);
        Assert.NotEqual(host.BaseAddress.Port, host.ManagementAddress.Port);

        // Public: health, readiness and webhooks; nothing of the management side.
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync("/readyz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(Line.WebhookEndpointTests.Signed("consultee", Line.WebhookEndpointTests.Body(), HostRunner.ConsulteeSecret))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/dashboard")).StatusCode);

        // A Host header naming the management port changes nothing: the port the connection came in on decides.
        var spoofed = new HttpRequestMessage(HttpMethod.Get, "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{host.ManagementAddress.Port}";
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.SendAsync(spoofed)).StatusCode);

        // Management: metrics and the dashboard; no webhook or probe answers there.
        Assert.Equal(HttpStatusCode.OK, (await host.Management.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Management.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Management.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Management.GetAsync("/readyz")).StatusCode);
        var webhook = Line.WebhookEndpointTests.Signed("consultee", Line.WebhookEndpointTests.Body(), HostRunner.ConsulteeSecret);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Management.SendAsync(webhook)).StatusCode);
    }
}
