using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What operators watch of the conversation engine, for Prometheus. Labels are dispatcher keys
/// ("tenant:toyama", "pool:national"), steps and reasons: never anything about a person.
/// </summary>
public static class ConversationMetrics
{
    public const string MeterName = "OrleansConsult.Conversation";

    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<string, (int Length, double OldestWaitSeconds)> Queues = new();

    private static readonly Counter<long> Routing = Meter.CreateCounter<long>("oc_routing_steps",
        description: "Routing steps by dispatcher and step (queued, offered, accepted, declined, timed out, withdrawn, requeued, overflowed, unanswered, left message)");
    private static readonly Counter<long> Cases = Meter.CreateCounter<long>("oc_cases",
        description: "Cases opened and closed by tenant, with the reason they closed");
    private static readonly Counter<long> Breaches = Meter.CreateCounter<long>("oc_routing_invariant_breaches",
        description: "Breaches of the queue invariant a dispatcher found and repaired, by dispatcher and kind (should stay at zero)");
    private static readonly Histogram<double> Relay = Meter.CreateHistogram<double>("oc_relay_duration", unit: "ms",
        description: "A relayed message from its arrival at the case to its hand-over to LINE, by direction");

    static ConversationMetrics()
    {
        Meter.CreateObservableGauge("oc_queue_length", () => Queues.Select(q =>
            new Measurement<int>(q.Value.Length, new KeyValuePair<string, object?>("dispatcher", q.Key))),
            description: "Cases waiting (or being offered) per dispatcher, on this silo");
        Meter.CreateObservableGauge("oc_queue_oldest_wait", () => Queues.Select(q =>
            new Measurement<double>(q.Value.OldestWaitSeconds, new KeyValuePair<string, object?>("dispatcher", q.Key))),
            unit: "s", description: "How long the oldest waiting case has waited, per dispatcher");
    }

    public static void Step(string dispatcher, string step) =>
        Routing.Add(1, new KeyValuePair<string, object?>("dispatcher", dispatcher), new("step", step));

    public static void InvariantBreach(string dispatcher, string kind) =>
        Breaches.Add(1, new KeyValuePair<string, object?>("dispatcher", dispatcher), new("kind", kind));

    public static void CaseOpened(string tenantId) =>
        Cases.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), new("event", "opened"));

    public static void CaseClosed(string tenantId, string reason) =>
        Cases.Add(1, new KeyValuePair<string, object?>("tenant", tenantId), new("event", "closed"), new("reason", reason));

    public static void Relayed(string direction, TimeSpan took) =>
        Relay.Record(took.TotalMilliseconds, new KeyValuePair<string, object?>("direction", direction));

    /// <summary>The dispatcher's queue as of its last pump (a dispatcher lives on one silo at a time).</summary>
    public static void Queue(string dispatcher, int length, TimeSpan oldestWait) =>
        Queues[dispatcher] = (length, Math.Round(oldestWait.TotalSeconds, 1));

    public static void QueueGone(string dispatcher) => Queues.TryRemove(dispatcher, out _);

    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("oc_case_caller_refused",
        description: "Calls a case refused because the caller was not its own consultee, by method");

    public static void CallerRefused(string method) => Refused.Add(1, new KeyValuePair<string, object?>("method", method));
}
