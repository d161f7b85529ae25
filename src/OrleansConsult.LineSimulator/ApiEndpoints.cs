using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.LineSimulator;

/// <summary>
/// The Messaging API side: same paths, bearer check, LINE-shaped errors, the same message limits,
/// single-use reply tokens, X-Line-Retry-Key (409 + x-line-accepted-request-id on a repeat), faults.
/// </summary>
internal static class ApiEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/v2/bot/message/reply", (HttpContext http, LineSimulator sim) =>
            HandleAsync(http, sim, LineJsonContext.Default.ReplyRequest, billed: false, (channel, body, requestId) =>
            {
                LineMessageValidator.ValidateMessages(body.Messages);
                var userId = string.IsNullOrEmpty(body.ReplyToken) ? null : sim.TryUseReplyToken(channel, body.ReplyToken);
                if (userId is null)
                {
                    return Error(StatusCodes.Status400BadRequest, LineMessagingClient.InvalidReplyToken);
                }
                sim.Deliver(channel, [userId], "reply", body.Messages, null, requestId);
                return null;
            }));

        app.MapPost("/v2/bot/message/push", (HttpContext http, LineSimulator sim) =>
            HandleAsync(http, sim, LineJsonContext.Default.PushRequest, billed: true, (channel, body, requestId) =>
            {
                if (string.IsNullOrEmpty(body.To))
                {
                    throw new LineMessageValidationException("to", "is required");
                }
                LineMessageValidator.ValidateMessages(body.Messages);
                return DeliverOnce(http, sim, channel, [body.To], "push", body.Messages, requestId);
            }));

        app.MapPost("/v2/bot/message/multicast", (HttpContext http, LineSimulator sim) =>
            HandleAsync(http, sim, LineJsonContext.Default.MulticastRequest, billed: true, (channel, body, requestId) =>
            {
                LineMessageValidator.ValidateRecipients(body.To);
                LineMessageValidator.ValidateMessages(body.Messages);
                return DeliverOnce(http, sim, channel, body.To, "multicast", body.Messages, requestId);
            }));

        app.MapPost("/v2/bot/chat/loading/start", (HttpContext http, LineSimulator sim) =>
            HandleAsync(http, sim, LineJsonContext.Default.LoadingRequest, billed: false, (channel, body, _) =>
            {
                if (string.IsNullOrEmpty(body.ChatId))
                {
                    throw new LineMessageValidationException("chatId", "is required");
                }
                if (body.LoadingSeconds is < 5 or > 60 || body.LoadingSeconds % 5 != 0)
                {
                    throw new LineMessageValidationException("loadingSeconds", "5 to 60 in steps of 5");
                }
                sim.ShowLoading(channel, body.ChatId, body.LoadingSeconds);
                return Results.Json(new LineErrorBody(null), LineJsonContext.Default.LineErrorBody, statusCode: StatusCodes.Status202Accepted);
            }));

        app.MapPost("/v2/bot/chat/markAsRead", (HttpContext http, LineSimulator sim) =>
            HandleAsync(http, sim, LineJsonContext.Default.MarkAsReadRequest, billed: false, (channel, body, _) =>
            {
                if (string.IsNullOrEmpty(body.MarkAsReadToken))
                {
                    throw new LineMessageValidationException("markAsReadToken", "is required");
                }
                return sim.MarkAsRead(channel, body.MarkAsReadToken)
                    ? Results.Json(new LineErrorBody(null), LineJsonContext.Default.LineErrorBody)
                    : Error(StatusCodes.Status400BadRequest, "Invalid markAsReadToken");
            }));

        // The data API (Line:DataApiBaseUrl points here too): what users sent, by message id.
        app.MapGet("/v2/bot/message/{messageId}/content", (HttpContext http, LineSimulator sim, string messageId) =>
            Content(http, sim, messageId, c => Results.Bytes(c.Bytes, c.ContentType)));
        app.MapGet("/v2/bot/message/{messageId}/content/preview", (HttpContext http, LineSimulator sim, string messageId) =>
            Content(http, sim, messageId, c => c.Preview is { } preview
                ? Results.Bytes(preview, c.PreviewType ?? "image/jpeg")
                : c.ContentType.StartsWith("image/", StringComparison.Ordinal) ? Results.Bytes(c.Bytes, c.ContentType) : Error(StatusCodes.Status404NotFound, "Not found")));
        app.MapGet("/v2/bot/message/{messageId}/content/transcoding", (HttpContext http, LineSimulator sim, string messageId) =>
            Content(http, sim, messageId, _ => Results.Json(new TranscodingStatus("succeeded"), LineJsonContext.Default.TranscodingStatus)));
    }

    /// <summary>The common path: latency, retry-key count, outage, bearer, body, faults, then the operation.</summary>
    private static async Task<IResult> HandleAsync<T>(
        HttpContext http, LineSimulator sim, JsonTypeInfo<T> typeInfo, bool billed, Func<string, T, string, IResult?> operation)
    {
        var faults = sim.Faults;
        var retryKeyText = http.Request.Headers["X-Line-Retry-Key"].ToString();
        Guid? retryKey = Guid.TryParse(retryKeyText, out var parsedKey) ? parsedKey : null;
        sim.CountApiCall(retryKey);
        if (faults.LatencyMilliseconds > 0)
        {
            // Real time: added latency is about the network, not the simulated clock.
            await Task.Delay(faults.LatencyMilliseconds, http.RequestAborted);
        }

        var requestId = Guid.NewGuid().ToString();
        http.Response.Headers["x-line-request-id"] = requestId;

        if (faults.InOutage(sim.Clock.GetUtcNow()))
        {
            sim.CountFault();
            return Error(StatusCodes.Status503ServiceUnavailable, "Service unavailable (simulated outage)");
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        var channel = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? sim.ChannelOfToken(authorization["Bearer ".Length..].Trim()) : null;
        if (channel is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Authentication failed. Confirm that the access token in the authorization header is valid.");
        }
        if (faults.OnlyChannel is { } only && only != channel)
        {
            faults = new FaultSettings();
        }
        if (retryKeyText.Length > 0 && retryKey is null)
        {
            return Error(StatusCodes.Status400BadRequest, "The value of the X-Line-Retry-Key header is invalid");
        }

        T? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync(http.Request.Body, typeInfo, http.RequestAborted);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", new LineErrorDetail("invalid JSON or unknown type", "body"));
        }
        if (body is null)
        {
            return Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", new LineErrorDetail("May not be empty", "body"));
        }

        if (billed && (faults.MonthlyLimit || (sim.Options.Channels[channel].MonthlyQuota is { } quota && sim.MonthUsage(channel) >= quota)))
        {
            return Error(StatusCodes.Status429TooManyRequests, LineMessagingClient.MonthlyLimit);
        }
        if (billed && faults.RefusePushWith is { } refusal and >= 400 and < 500)
        {
            sim.CountFault();
            return refusal == StatusCodes.Status400BadRequest
                ? Error(refusal, "The request body has 1 error(s)", new LineErrorDetail("refused by the simulator's fault settings", "messages"))
                : Error(refusal, "Refused by the simulator's fault settings");
        }
        if (Chance(faults.TooManyRequestsShare))
        {
            sim.CountFault();
            if (sim.Options.RetryAfterSeconds is { } seconds)
            {
                http.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            return Error(StatusCodes.Status429TooManyRequests, "Too many requests");
        }
        if (Chance(faults.ServerErrorShare))
        {
            sim.CountFault();
            return Error(StatusCodes.Status500InternalServerError, "Internal server error");
        }

        var hold = http.Request.Path.Value == "/v2/bot/message/reply" ? faults.HoldRepliesMilliseconds : 0;
        if (hold > 0 && !faults.HoldRepliesAfterDelivery && !await HoldAsync(http, sim, hold))
        {
            return Error(StatusCodes.Status503ServiceUnavailable, "The caller went away");
        }
        try
        {
            var failed = operation(channel, body, requestId);
            if (failed is not null)
            {
                return failed;
            }
        }
        catch (LineMessageValidationException ex)
        {
            return Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", new LineErrorDetail(ex.Limit, ex.Field));
        }

        if (hold > 0 && faults.HoldRepliesAfterDelivery)
        {
            await HoldAsync(http, sim, hold);
        }
        if (billed && Chance(faults.ServerErrorAfterDeliveryShare))
        {
            // Delivered, yet the caller sees a failure: only the retry key keeps its retry from delivering twice.
            sim.CountFault();
            return Error(StatusCodes.Status500InternalServerError, "Internal server error");
        }
        return Results.Json(new SentMessagesBody([new SentMessage(requestId)]), LineJsonContext.Default.SentMessagesBody);
    }

    private static IResult? DeliverOnce(
        HttpContext http, LineSimulator sim, string channel, IReadOnlyList<string> to, string via, IReadOnlyList<LineMessage> messages, string requestId)
    {
        Guid? retryKey = Guid.TryParse(http.Request.Headers["X-Line-Retry-Key"].ToString(), out var key) ? key : null;
        if (retryKey is { } k && sim.TryAcceptRetryKey(channel, k, requestId) is { } accepted)
        {
            http.Response.Headers["x-line-accepted-request-id"] = accepted;
            return Error(StatusCodes.Status409Conflict, "The retry key is already accepted");
        }
        sim.Deliver(channel, to, via, messages, retryKey, requestId);
        return null;
    }

    /// <summary>Bearer, outage and 500 faults as for the other endpoints; 404 for content LINE does not have.</summary>
    private static IResult Content(HttpContext http, LineSimulator sim, string messageId, Func<SimulatedContent, IResult> answer)
    {
        sim.CountApiCall(null);
        http.Response.Headers["x-line-request-id"] = Guid.NewGuid().ToString();
        if (sim.Faults.InOutage(sim.Clock.GetUtcNow()))
        {
            sim.CountFault();
            return Error(StatusCodes.Status503ServiceUnavailable, "Service unavailable (simulated outage)");
        }
        var authorization = http.Request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal) || sim.ChannelOfToken(authorization["Bearer ".Length..].Trim()) is null)
        {
            return Error(StatusCodes.Status401Unauthorized, "Authentication failed. Confirm that the access token in the authorization header is valid.");
        }
        if (Chance(sim.Faults.ServerErrorShare))
        {
            sim.CountFault();
            return Error(StatusCodes.Status500InternalServerError, "Internal server error");
        }
        return sim.Content(messageId) is { } content ? answer(content) : Error(StatusCodes.Status404NotFound, "Not found");
    }

    /// <summary>Waits (real time); false when the caller went away meanwhile.</summary>
    private static async Task<bool> HoldAsync(HttpContext http, LineSimulator sim, int milliseconds)
    {
        sim.CountHeldReply();
        try
        {
            await Task.Delay(milliseconds, http.RequestAborted);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static bool Chance(double share) => share > 0 && Random.Shared.NextDouble() < share;

    internal static IResult Error(int status, string message, params LineErrorDetail[] details) =>
        Results.Json(new LineErrorBody(message, details.Length == 0 ? null : details), LineJsonContext.Default.LineErrorBody, statusCode: status);
}
