using OrleansConsult.Abstractions;
using OrleansConsult.Line;
using OrleansConsult.Line.Webhook;

namespace OrleansConsult.Host;

/// <summary>
/// POST /line/webhook/{channel}: 404 unknown channel, 413 body over 1 MiB, 401 bad signature,
/// 400 not a webhook or too many events (each with a short plain-text reason), 503 when the
/// events could not be stored (LINE redelivers), else 200 once every event is durably with its
/// grain; 503 at once, with Retry-After, when too many requests already wait their turn
/// (<see cref="WebhookAdmission"/>). One odd event never costs the others: events of unknown
/// types and events that cannot be read are skipped (counted, logged without content), the rest
/// are stored.
/// </summary>
public static class LineWebhookEndpoint
{
    public static void Map(WebApplication app) =>
        app.MapPost("/line/webhook/{channel}", HandleAsync).RequireRateLimiting(WebhookAdmission.Policy);

    private static async Task<IResult> HandleAsync(
        string channel, HttpRequest request, LineOptions line, WebhookIngress ingress, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(LineWebhookEndpoint));
        if (!line.Channels.TryGetValue(channel, out var settings))
        {
            return Results.NotFound();
        }
        // A trace starts at LINE's webhook and follows the events through the grains to each send.
        using var span = HostTracing.StartWebhook(channel);

        var read = await LineWebhookReader.ReadAsync(request, settings.Secret, cancellationToken, line.Webhook.MaxEventsPerRequest);
        if (read.Webhook is null)
        {
            logger.LogWarning("Webhook on {Channel} refused with {Status}: {Reason}", channel, read.StatusCode, read.Reason);
            span?.SetTag("http.response.status_code", read.StatusCode);
            return Results.Text(read.Reason, "text/plain; charset=utf-8", statusCode: read.StatusCode);
        }

        foreach (var skipped in read.Webhook.Skipped)
        {
            // LINE sent something this code cannot read: worth a look, but never its content.
            logger.LogWarning("Skipped webhook event #{Index} of type {Type} on {Channel}: {Reason}", skipped.Index, skipped.Type, channel, skipped.Reason);
        }
        ingress.CountSkipped(channel, "malformed", read.Webhook.Skipped.Count);

        var events = new List<IngressEvent>(read.Webhook.Events.Count);
        var unknown = 0;
        foreach (var lineEvent in read.Webhook.Events)
        {
            if (lineEvent is UnknownEvent)
            {
                logger.LogDebug("Ignored webhook event {EventId} of unknown type {Type} on {Channel}", lineEvent.WebhookEventId, lineEvent.Type, channel);
                unknown++;
                continue;
            }
            var userId = lineEvent.Source?.Kind == SourceKind.User ? lineEvent.Source.UserId : null;
            events.Add(new IngressEvent(userId, ToInbound(lineEvent)));
        }
        ingress.CountSkipped(channel, "unknown_type", unknown);

        try
        {
            var audience = settings.Role == LineChannelRole.Staff ? ChannelAudience.Staff : ChannelAudience.Consultee;
            span?.SetTag("oc.events", events.Count);
            await ingress.AcceptAsync(channel, audience, events);
            span?.SetTag("http.response.status_code", StatusCodes.Status200OK);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not stored: 503 makes LINE redeliver; what did get stored is then dropped as a duplicate.
            logger.LogError("Webhook on {Channel} with {Count} events not stored ({Error}); answering 503", channel, events.Count, ex.GetType().Name);
            span?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, ex.GetType().Name);
            span?.SetTag("http.response.status_code", StatusCodes.Status503ServiceUnavailable);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }
    }

    internal static InboundLineEvent ToInbound(WebhookEvent lineEvent)
    {
        var (messageType, text) = lineEvent switch
        {
            MessageEvent { Message: TextMessageContent t } => ("text", t.Text),
            MessageEvent m => (m.Message.Type, null),
            MessageEditedEvent { Message: TextMessageContent t } => ("text", t.Text),
            MessageEditedEvent m => (m.Message.Type, (string?)null),
            _ => ((string?)null, (string?)null),
        };
        return new InboundLineEvent(
            lineEvent.WebhookEventId,
            lineEvent.Type,
            lineEvent.Time,
            // A standby event's token (if any) is not ours to use.
            lineEvent.IsStandby ? null : lineEvent.ReplyToken,
            lineEvent.IsRedelivery,
            lineEvent.IsStandby,
            messageType,
            text,
            (lineEvent as PostbackEvent)?.Postback.Data,
            Media: (lineEvent as MessageEvent)?.Message is { } content ? MediaOf(content) : null,
            MarkAsReadToken: (lineEvent as MessageEvent)?.Message.MarkAsReadToken);
    }

    /// <summary>Where the content of an image, video, audio or file message can be read; null for other messages.</summary>
    public static InboundMedia? MediaOf(MessageContent content) => content switch
    {
        ImageMessageContent image => Media(image, MediaRef.Image, image.ContentProvider, null),
        VideoMessageContent video => Media(video, MediaRef.Video, video.ContentProvider, video.Duration),
        AudioMessageContent audio => Media(audio, MediaRef.Audio, audio.ContentProvider, audio.Duration),
        FileMessageContent file => new InboundMedia(file.Id, MediaRef.File, "line", FileName: file.FileName, FileSize: file.FileSize),
        _ => null,
    };

    private static InboundMedia Media(MessageContent content, string kind, ContentProvider? provider, long? duration) =>
        provider?.Type == "external"
            ? new InboundMedia(content.Id, kind, "external", provider.OriginalContentUrl, provider.PreviewImageUrl, duration)
            : new InboundMedia(content.Id, kind, "line", DurationMs: duration);
}
