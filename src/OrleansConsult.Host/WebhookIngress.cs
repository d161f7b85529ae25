using System.Diagnostics.Metrics;
using OrleansConsult.Abstractions;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>
/// Hands each event of a verified webhook to the grain of its LINE user and returns only when
/// every one is durably stored (or recognised as a duplicate). Any failure propagates, so the
/// endpoint answers 5xx and LINE redelivers; events already stored are then dropped as duplicates.
/// Events of one user go to her grain as one ordered batch (one state write); different users
/// go in parallel.
/// </summary>
public sealed class WebhookIngress(IGrainFactory grains, LinePseudonyms pseudonyms, ILogger<WebhookIngress> logger)
{
    /// <summary>The webhook's meter; <see cref="WebhookAdmission"/> counts its refusals here too.</summary>
    internal static readonly Meter Meter = new("OrleansConsult.Webhook");
    private static readonly Counter<long> Events = Meter.CreateCounter<long>("oc_webhook_events", description: "Webhook events by channel and outcome");

    /// <summary>Counts events the endpoint left out before ingress (unknown types, unreadable events).</summary>
    public void CountSkipped(string channel, string outcome, int count)
    {
        if (count > 0)
        {
            Events.Add(count, new KeyValuePair<string, object?>("channel", channel), new("outcome", outcome));
        }
    }

    public async Task<IngressResult> AcceptAsync(string channel, ChannelAudience audience, IReadOnlyList<IngressEvent> events)
    {
        var ignored = 0;
        var perUser = new Dictionary<string, List<InboundLineEvent>>(StringComparer.Ordinal);
        foreach (var item in events)
        {
            if (string.IsNullOrEmpty(item.LineUserId))
            {
                // Group/room events without a user, or unknown sources: nothing to route. Ids only in the log.
                logger.LogDebug("Ignored webhook event {EventId} of type {Type} on {Channel}: no user source",
                    item.Event.WebhookEventId, item.Event.Type, channel);
                ignored++;
                continue;
            }
            if (!perUser.TryGetValue(item.LineUserId, out var list))
            {
                perUser[item.LineUserId] = list = [];
            }
            list.Add(item.Event);
        }

        var outcomes = await Task.WhenAll(perUser.Select(pair => AcceptInOrderAsync(channel, audience, pair.Key, pair.Value)));
        var accepted = outcomes.Sum(o => o.Accepted);
        var duplicates = outcomes.Sum(o => o.Duplicates);
        Events.Add(accepted, new KeyValuePair<string, object?>("channel", channel), new("outcome", "accepted"));
        Events.Add(duplicates, new KeyValuePair<string, object?>("channel", channel), new("outcome", "duplicate"));
        Events.Add(ignored, new KeyValuePair<string, object?>("channel", channel), new("outcome", "ignored"));
        return new IngressResult(accepted, duplicates, ignored);
    }

    private async Task<(int Accepted, int Duplicates)> AcceptInOrderAsync(string channel, ChannelAudience audience, string lineUserId, List<InboundLineEvent> events)
    {
        // Her grain is keyed by a pseudonym; the id itself travels inside the events, into encrypted state.
        var key = GrainKeys.LineUser(channel, await pseudonyms.OfAsync(channel, lineUserId));
        events = events.Select(e => e with { UserId = lineUserId }).ToList();
        ILineUserGrain grain = audience == ChannelAudience.Staff
            ? grains.GetGrain<IStaffLineUserGrain>(key)
            : grains.GetGrain<IConsulteeGrain>(key);
        var outcomes = await GrainCallRetry.Pipeline.ExecuteAsync(async _ => await grain.AcceptBatchAsync(events));
        var accepted = outcomes.Count(o => o == AcceptOutcome.Accepted);
        return (accepted, outcomes.Count - accepted);
    }
}
