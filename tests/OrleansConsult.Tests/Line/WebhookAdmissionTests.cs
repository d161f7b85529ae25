using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Line;
using OrleansConsult.LineSimulator;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Line;

/// <summary>
/// A pod works a bounded number of webhook requests at once (here one), lets a bounded number wait (here one),
/// and answers the rest 503 with Retry-After at once; nothing waiting or refused is lost: the waiting one is
/// accepted when its turn comes, and the refused one is accepted when LINE redelivers it.
/// Over real HTTP against the real Host (embedded storage); the held requests are ones whose bodies have not
/// finished arriving, so the Host holds their turn while it reads them (Kestrel's minimum body rate is off
/// here, or it would drop them after 5 s). The test waits on the Host's own counts of working and waiting
/// requests, since a request sent first may reach the Host second.
/// </summary>
public sealed class WebhookAdmissionTests : IAsyncLifetime
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    private readonly TempFolder _data = new();
    private WebApplication _simulatorApp = null!;
    private HostRunner _host = null!;

    public async Task InitializeAsync()
    {
        _simulatorApp = await TestLineSimulator.StartAsync();
        var settings = HostRunner.Embedded(_data.Path);
        settings["Line:ApiBaseUrl"] = LineSimulatorApp.BoundAddress(_simulatorApp).ToString();
        settings["Line:Webhook:MaxConcurrentRequests"] = "1";
        settings["Line:Webhook:MaxQueuedRequests"] = "1";
        // A held body must stay held: Kestrel drops a body slower than 240 bytes/s after 5 s (LINE never sends one).
        _host = await HostRunner.StartAsync(settings, b => b.WebHost.ConfigureKestrel(k => k.Limits.MinRequestBodyDataRate = null));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulatorApp.DisposeAsync();
        _data.Dispose();
    }

    [Fact]
    public async Task Beyond_the_requests_worked_and_waiting_a_webhook_gets_503_at_once_and_none_is_lost()
    {
        using var admission = new AdmissionGauges(_host.Services.GetRequiredService<IMeterFactory>());
        // Two requests whose bodies stall halfway: the first holds the only turn, the second waits for it.
        // Each is sent once the Host has counted the one before, so the order at the Host is known.
        var first = new StalledBody(WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Uadmit1", "one", "adm-1")));
        var second = new StalledBody(WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Uadmit2", "two", "adm-2")));
        try
        {
            var firstAnswer = _host.Http.SendAsync(first.Request());
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(admission.Working == 1), Within), "the first request never got its turn");
            var secondAnswer = _host.Http.SendAsync(second.Request());
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(admission.Waiting == 1), Within), "the second request never waited");

            // A third is refused at once, with a hint when to come back.
            var third = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Uadmit3", "three", "adm-3"));
            var refused = await _host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", third, HostRunner.ConsulteeSecret));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
            Assert.False(firstAnswer.IsCompleted || secondAnswer.IsCompleted, "a held request was answered before its body arrived");

            // An operator sees both on the management port: requests waiting, and requests refused.
            var metrics = await _host.Management.GetStringAsync("/metrics");
            Assert.Contains("aspnetcore_rate_limiting_queued_requests", metrics);
            Assert.Contains("oc_webhook_refused_busy", metrics);

            // Their bodies arrive: the one holding the turn and the one that waited are both accepted.
            first.Finish();
            second.Finish();
            Assert.Equal(HttpStatusCode.OK, (await firstAnswer.WaitAsync(Within)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await secondAnswer.WaitAsync(Within)).StatusCode);

            // LINE redelivers the refused one; now there is room.
            var redelivered = await _host.Http.SendAsync(WebhookEndpointTests.Signed("consultee",
                WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Uadmit3", "three", "adm-3", redelivery: true)), HostRunner.ConsulteeSecret));
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
        }
        finally
        {
            first.Finish();
            second.Finish();
        }

        // Counted where LINE is: each of the three got the bot's answer to her event, in one request.
        var simulator = _simulatorApp.Services.GetRequiredService<LineSimulator.LineSimulator>();
        foreach (var (user, eventId) in new[] { ("Uadmit1", "adm-1"), ("Uadmit2", "adm-2"), ("Uadmit3", "adm-3") })
        {
            var grain = _host.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(_host.Services, "consultee", user));
            Assert.True(await Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()).EventsAccepted > 0, Within), $"{user}'s event was not accepted");
            var answerKey = RetryKeys.For($"{HostKeys.LineUser(_host.Services, "consultee", user)}/{eventId}/bot/0");
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(simulator.Deliveries("consultee", user).Any(d => d.RetryKey == answerKey)), Within),
                $"{user} never got the answer to her event");
            Assert.Single(simulator.Deliveries("consultee", user).Select(d => d.RequestId).Distinct());
        }
    }

    [Fact]
    public async Task Health_is_answered_while_every_webhook_turn_is_taken()
    {
        var held = new StalledBody(WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Uadmit4", "four", "adm-4")));
        using var admission = new AdmissionGauges(_host.Services.GetRequiredService<IMeterFactory>());
        try
        {
            var answer = _host.Http.SendAsync(held.Request());
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(admission.Working == 1), Within), "the request never got its turn");

            var health = await _host.Http.GetAsync("/healthz");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);

            held.Finish();
            Assert.Equal(HttpStatusCode.OK, (await answer.WaitAsync(Within)).StatusCode);
        }
        finally
        {
            held.Finish();
        }
    }

    /// <summary>
    /// ASP.NET Core's own rate-limiting gauges of this Host (its meter factory, so other tests' Hosts in this
    /// process do not count): requests holding a turn, and requests waiting for one.
    /// </summary>
    private sealed class AdmissionGauges : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _working;
        private long _waiting;

        public AdmissionGauges(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == host && instrument.Name is "aspnetcore.rate_limiting.active_request_leases" or "aspnetcore.rate_limiting.queued_requests")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            {
                if (instrument.Name == "aspnetcore.rate_limiting.active_request_leases")
                {
                    Interlocked.Add(ref _working, value);
                }
                else
                {
                    Interlocked.Add(ref _waiting, value);
                }
            });
            _listener.Start();
        }

        public long Working => Interlocked.Read(ref _working);

        public long Waiting => Interlocked.Read(ref _waiting);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A signed webhook body sent in two halves; the second only on <see cref="Finish"/>.</summary>
    private sealed class StalledBody(string body)
    {
        private readonly byte[] _bytes = Encoding.UTF8.GetBytes(body);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Finish() => _finish.TrySetResult();

        public HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/line/webhook/consultee") { Content = new Halves(this) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.TryAddWithoutValidation("X-Line-Signature", LineSignature.Compute(_bytes, HostRunner.ConsulteeSecret));
            return request;
        }

        private sealed class Halves(StalledBody owner) : HttpContent
        {
            protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
            {
                var half = owner._bytes.Length / 2;
                await stream.WriteAsync(owner._bytes.AsMemory(0, half));
                await stream.FlushAsync();
                await owner._finish.Task;
                await stream.WriteAsync(owner._bytes.AsMemory(half));
            }

            protected override bool TryComputeLength(out long length)
            {
                length = 0;
                return false;
            }
        }
    }
}
