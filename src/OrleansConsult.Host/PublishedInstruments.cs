using System.Diagnostics.Metrics;

namespace OrleansConsult.Host;

/// <summary>
/// Which System.Diagnostics.Metrics instruments /metrics publishes. prometheus-net's adapter pays for every
/// measurement it listens to (a label lookup and a lease per call), and the framework records several per
/// webhook, per LINE call and per grain call: about 6 % of the Host's CPU in the closed loop went there.
/// Published: our own meters, everything read only at scrape time (observable instruments), Orleans'
/// instruments except those recorded at every grain call, the server's request duration (webhook
/// latency) and webhook requests waiting for a turn. <c>Metrics:AllInstruments=true</c> publishes
/// everything (for a look while debugging).
/// </summary>
public static class PublishedInstruments
{
    public const string AllSetting = "Metrics:AllInstruments";

    /// <summary>Orleans instruments measured at every grain call or message (dotnet-counters in the closed loop: one or more per call).</summary>
    private static readonly string[] OrleansPerCall =
    [
        "orleans-directory-lookups-",
        "orleans-messaging-sent-local",
        "orleans-messaging-processing-",
    ];

    public static bool Publishes(Instrument instrument)
    {
        var meter = instrument.Meter.Name;
        if (meter.StartsWith("OrleansConsult.", StringComparison.Ordinal) || instrument.IsObservable)
        {
            return true;
        }
        return meter switch
        {
            "Microsoft.Orleans" => !Array.Exists(OrleansPerCall, prefix => instrument.Name.StartsWith(prefix, StringComparison.Ordinal)),
            "Microsoft.AspNetCore.Hosting" => instrument.Name == "http.server.request.duration",
            // Webhook requests waiting for a turn (WebhookAdmission); measured only while some wait.
            "Microsoft.AspNetCore.RateLimiting" => instrument.Name == "aspnetcore.rate_limiting.queued_requests",
            _ => false,
        };
    }
}
