using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using OrleansConsult.Line;

namespace OrleansConsult.Host;

/// <summary>
/// How many webhook requests a pod works at once (<see cref="LineWebhookOptions.MaxConcurrentRequests"/>), the
/// rest waiting their turn oldest first, and 503 with Retry-After once too many wait (LINE redelivers). Why: each
/// request being accepted holds its events and a grain-state write in the one group-commit queue that the work's
/// writes share; a burst of 15,000 at once filled a 2 GiB pod's heap in seconds and held every delivery behind
/// the accepts for half a minute. A waiting request costs only its connection: its body is not read yet.
/// </summary>
public static class WebhookAdmission
{
    public const string Policy = "line-webhook";

    private static readonly Counter<long> Refused = WebhookIngress.Meter.CreateCounter<long>(
        "oc_webhook_refused_busy", description: "Webhook requests answered 503 because too many were already waiting");

    public static IServiceCollection AddWebhookAdmission(this IServiceCollection services, LineWebhookOptions options)
    {
        // Refusals come in floods: one Warning at most every 10 s says it is happening (per Host).
        var lastWarning = -10_000L;
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status503ServiceUnavailable;
            o.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "1";
                Refused.Add(1);
                var now = Environment.TickCount64;
                var last = Interlocked.Read(ref lastWarning);
                if (now - last >= 10_000 && Interlocked.CompareExchange(ref lastWarning, now, last) == last)
                {
                    context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(WebhookAdmission)).LogWarning(
                        "Webhook requests refused with 503 (LINE redelivers): {Working} being worked and {Waiting} waiting already (Line:Webhook:MaxConcurrentRequests, MaxQueuedRequests)",
                        options.MaxConcurrentRequests, options.MaxQueuedRequests);
                }
                return ValueTask.CompletedTask;
            };
            o.AddConcurrencyLimiter(Policy, limiter =>
            {
                limiter.PermitLimit = options.MaxConcurrentRequests;
                limiter.QueueLimit = options.MaxQueuedRequests;
                limiter.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
            });
        });
    }
}
