using System.Diagnostics.Metrics;
using OrleansConsult.Host;

namespace OrleansConsult.Tests;

/// <summary>What /metrics listens to: ours, observable instruments, Orleans' except per-call ones, the webhook latency, webhook requests waiting for a turn.</summary>
public sealed class PublishedInstrumentsTests
{
    [Theory]
    [InlineData("OrleansConsult.Conversation", "oc_routing_steps", true)]
    [InlineData("OrleansConsult.Line", "line.pushes", true)]
    [InlineData("Microsoft.Orleans", "orleans-catalog-activation-created", true)]
    [InlineData("Microsoft.Orleans", "orleans-storage-write-latency", true)]
    [InlineData("Microsoft.Orleans", "orleans-directory-lookups-local-issued", false)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-sent-local", false)]
    [InlineData("Microsoft.Orleans", "orleans-messaging-processing-dispatcher-received", false)]
    [InlineData("Microsoft.AspNetCore.Hosting", "http.server.request.duration", true)]
    [InlineData("Microsoft.AspNetCore.Hosting", "http.server.active_requests", false)]
    [InlineData("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.queued_requests", true)]
    [InlineData("Microsoft.AspNetCore.RateLimiting", "aspnetcore.rate_limiting.active_request_leases", false)]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel", "kestrel.active_connections", false)]
    [InlineData("System.Net.Http", "http.client.request.duration", false)]
    [InlineData("Polly", "resilience.polly.strategy.events", false)]
    [InlineData("Npgsql", "db.client.operation.npgsql.bytes_written", false)]
    public void Counters_and_histograms_are_published_by_meter_and_name(string meterName, string instrumentName, bool published)
    {
        using var meter = new Meter(meterName);
        Assert.Equal(published, PublishedInstruments.Publishes(meter.CreateCounter<long>(instrumentName)));
        Assert.Equal(published, PublishedInstruments.Publishes(meter.CreateHistogram<double>(instrumentName)));
    }

    [Theory]
    [InlineData("System.Runtime")]
    [InlineData("Npgsql")]
    [InlineData("Microsoft.Orleans")]
    public void Observable_instruments_cost_nothing_until_a_scrape_and_are_always_published(string meterName)
    {
        using var meter = new Meter(meterName);
        Assert.True(PublishedInstruments.Publishes(meter.CreateObservableGauge("orleans-directory-lookups-gauge", () => 1)));
    }
}
