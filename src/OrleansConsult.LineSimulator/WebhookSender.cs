using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OrleansConsult.Line;

namespace OrleansConsult.LineSimulator;

/// <summary>
/// Signs and POSTs webhooks to the app like LINE does: raw UTF-8 body, x-line-signature over
/// exactly those bytes, a fresh webhookEventId, and a reply token the API side will accept.
/// </summary>
public sealed class WebhookSender(LineSimulator simulator, IHttpClientFactory httpClients)
{
    public const string HttpClientName = "webhooks";

    public LineSimulator Simulator => simulator;

    public SimulatedUser User(string channel, string userId) => new(this, channel, userId);

    /// <summary>Events of one channel (any users) in one request, as LINE batches them.</summary>
    public Task<WebhookSendResult> SendBatchAsync(string channel, IReadOnlyList<SimulatedEvent> events, CancellationToken cancellationToken = default) =>
        SendBatchToAsync(simulator.Options.WebhookUrlOf(channel), channel, events, cancellationToken);

    /// <summary>One event to a given webhook address (one of several Hosts behind LINE's view of the channel); <paramref name="redelivery"/> as LINE marks a retry.</summary>
    public Task<WebhookSendResult> SendToAsync(string webhookUrl, SimulatedEvent lineEvent, bool redelivery = false, CancellationToken cancellationToken = default) =>
        SendBatchToAsync(webhookUrl, lineEvent.Channel, [redelivery ? AsRedelivery(lineEvent) : lineEvent], cancellationToken);

    private async Task<WebhookSendResult> SendBatchToAsync(string webhookUrl, string channel, IReadOnlyList<SimulatedEvent> events, CancellationToken cancellationToken)
    {
        if (!simulator.Options.Channels.TryGetValue(channel, out var settings))
        {
            throw new ArgumentException($"Channel '{channel}' is not simulated", nameof(channel));
        }
        var body = new JsonObject
        {
            ["destination"] = "U" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(channel)))[..32],
            ["events"] = new JsonArray(events.Select(e => (JsonNode)e.Json.DeepClone()).ToArray()),
        };
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, webhookUrl)
        {
            Content = new ByteArrayContent(bytes),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Compute(bytes, settings.Secret));
        using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        return new WebhookSendResult((int)response.StatusCode, events);
    }

    public Task<WebhookSendResult> SendAsync(SimulatedEvent lineEvent, CancellationToken cancellationToken = default) =>
        SendBatchAsync(lineEvent.Channel, [lineEvent], cancellationToken);

    /// <summary>LINE's redelivery: the same event and webhookEventId, deliveryContext.isRedelivery true.</summary>
    public Task<WebhookSendResult> RedeliverAsync(SimulatedEvent lineEvent, CancellationToken cancellationToken = default) =>
        SendAsync(AsRedelivery(lineEvent), cancellationToken);

    private static SimulatedEvent AsRedelivery(SimulatedEvent lineEvent)
    {
        var json = (JsonObject)lineEvent.Json.DeepClone();
        json["deliveryContext"] = new JsonObject { ["isRedelivery"] = true };
        return lineEvent with { Json = json };
    }

    /// <summary>Builds one event with the common fields; <paramref name="withReplyToken"/> issues a token the API accepts.</summary>
    public SimulatedEvent NewEvent(string channel, string userId, string type, bool withReplyToken, Action<JsonObject>? fill = null)
    {
        var id = EventIds.NewUlid(simulator.Clock.GetUtcNow());
        var json = new JsonObject
        {
            ["type"] = type,
            ["mode"] = "active",
            ["timestamp"] = simulator.Clock.GetUtcNow().ToUnixTimeMilliseconds(),
            ["source"] = new JsonObject { ["type"] = "user", ["userId"] = userId },
            ["webhookEventId"] = id,
            ["deliveryContext"] = new JsonObject { ["isRedelivery"] = false },
        };
        string? token = null;
        if (withReplyToken)
        {
            token = simulator.IssueReplyToken(channel, userId);
            json["replyToken"] = token;
        }
        fill?.Invoke(json);
        return new SimulatedEvent(channel, id, token, json);
    }
}
