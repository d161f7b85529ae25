using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace OrleansConsult.Line.Messaging;

/// <summary>
/// The Messaging API calls the bot makes. A typed HttpClient: retries, timeouts and the per-channel
/// circuit breaker sit in its handler pipeline (see <see cref="LineServiceCollectionExtensions"/>).
/// Logs LINE's request id of every answer, never message text or user ids.
/// </summary>
public sealed partial class LineMessagingClient(
    HttpClient http, IOptionsMonitor<LineOptions> options, LineMetrics metrics, ILogger<LineMessagingClient> logger)
{
    public const string InvalidReplyToken = "Invalid reply token";
    public const string MonthlyLimit = "You have reached your monthly limit.";
    public const string RetryKeyHeader = "X-Line-Retry-Key";
    public const string AcceptedRequestIdHeader = "x-line-accepted-request-id";

    /// <summary>Downloads run in the resilience pipeline "{channel}/content", apart from the channel's sends.</summary>
    public const string ContentPipelineSuffix = "/content";

    public async Task<LineApiResult> ReplyAsync(string channel, string replyToken, IReadOnlyList<LineMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replyToken);
        LineMessageValidator.ValidateMessages(messages);
        var result = await SendAsync(channel, "reply", "/v2/bot/message/reply",
            new ReplyRequest(replyToken, messages), LineJsonContext.Default.ReplyRequest, retryKey: null, cancellationToken);
        metrics.Reply(channel);
        return result;
    }

    /// <summary>Push to one user, group or room. <paramref name="retryKey"/> makes re-sends idempotent: keep it for every retry of this message.</summary>
    public async Task<LineApiResult> PushAsync(string channel, string to, IReadOnlyList<LineMessage> messages, Guid retryKey, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(to))
        {
            throw new LineMessageValidationException("to", "is required");
        }
        LineMessageValidator.ValidateMessages(messages);
        var result = await SendAsync(channel, "push", "/v2/bot/message/push",
            new PushRequest(to, messages), LineJsonContext.Default.PushRequest, retryKey, cancellationToken);
        metrics.Push(channel);
        return result;
    }

    /// <summary>The "…" loading animation in a one-to-one chat, 5 to 60 seconds in steps of 5.</summary>
    public Task<LineApiResult> ShowLoadingAsync(string channel, string chatId, int seconds, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(chatId))
        {
            throw new LineMessageValidationException("chatId", "is required");
        }
        if (seconds is < 5 or > 60 || seconds % 5 != 0)
        {
            throw new LineMessageValidationException("loadingSeconds", $"5 to 60 in steps of 5, got {seconds}");
        }
        return SendAsync(channel, "loading", "/v2/bot/chat/loading/start",
            new LoadingRequest(chatId, seconds), LineJsonContext.Default.LoadingRequest, retryKey: null, cancellationToken);
    }

    /// <summary>Manual read mode: marks her message of this token, and every earlier one, read (既読).</summary>
    public Task<LineApiResult> MarkAsReadAsync(string channel, string markAsReadToken, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(markAsReadToken);
        return SendAsync(channel, "markAsRead", "/v2/bot/chat/markAsRead",
            new MarkAsReadRequest(markAsReadToken), LineJsonContext.Default.MarkAsReadRequest, retryKey: null, cancellationToken);
    }

    /// <summary>
    /// The content a user sent (image, video, audio, file) from the data API; <paramref name="preview"/>
    /// asks for LINE's preview image of an image or video. Reads at most <paramref name="maxBytes"/>:
    /// beyond that it stops and throws <see cref="LineContentTooLargeException"/>.
    /// </summary>
    public Task<LineContent> GetContentAsync(string channel, string messageId, bool preview, long maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(messageId);
        var path = $"/v2/bot/message/{Uri.EscapeDataString(messageId)}/content{(preview ? "/preview" : "")}";
        return DownloadAsync(channel, preview ? "content-preview" : "content", DataUri(path), authorize: true, maxBytes, cancellationToken);
    }

    /// <summary>Whether a video or audio is ready to be read: "processing", "succeeded" or "failed".</summary>
    public async Task<string?> GetTranscodingAsync(string channel, string messageId, CancellationToken cancellationToken = default)
    {
        var uri = DataUri($"/v2/bot/message/{Uri.EscapeDataString(messageId)}/content/transcoding");
        var content = await DownloadAsync(channel, "transcoding", uri, authorize: true, 64 * 1024, cancellationToken);
        return JsonSerializer.Deserialize(content.Bytes, LineJsonContext.Default.TranscodingStatus)?.Status;
    }

    /// <summary>Content of type "external": the URL LINE gave in the event, read without our access token.</summary>
    public Task<LineContent> GetExternalContentAsync(string channel, string url, long maxBytes, CancellationToken cancellationToken = default)
    {
        if (!LineMessageValidator.IsContentUrl(url))
        {
            throw new LineApiException(400, "external content URL is not HTTPS", null);
        }
        return DownloadAsync(channel, "external-content", new Uri(url), authorize: false, maxBytes, cancellationToken);
    }

    private Uri DataUri(string path) => new(new Uri(options.CurrentValue.DataApiBaseUrl), path);

    private async Task<LineContent> DownloadAsync(string channel, string operation, Uri uri, bool authorize, long maxBytes, CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.Channels.TryGetValue(channel, out var settings))
        {
            throw new ArgumentException($"LINE channel '{channel}' is not configured", nameof(channel));
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (authorize)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        }
        // A pipeline (and circuit breaker) of its own: a slow or failing download never stops the channel's sends.
        request.Options.Set(LineRequestOptions.Channel, channel + ContentPipelineSuffix);
        // Headers first: a body over the limit is never read into memory.
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        var status = (int)response.StatusCode;
        var requestId = LineRequestOptions.RequestIdOf(response);
        if (!response.IsSuccessStatusCode)
        {
            metrics.ApiError(channel, status);
            LogFailed(logger, operation, channel, status, null, requestId);
            throw new LineApiException(status, null, requestId);
        }
        if (response.Content.Headers.ContentLength is { } length && length > maxBytes)
        {
            throw new LineContentTooLargeException(maxBytes);
        }
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw new LineContentTooLargeException(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        LogAnswer(logger, operation, channel, status, requestId);
        var contentType = response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream";
        return new LineContent(buffer.ToArray(), contentType);
    }

    private async Task<LineApiResult> SendAsync<T>(
        string channel, string operation, string path, T body, JsonTypeInfo<T> typeInfo, Guid? retryKey, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!current.Channels.TryGetValue(channel, out var settings))
        {
            throw new ArgumentException($"LINE channel '{channel}' is not configured", nameof(channel));
        }

        // Bytes, not a stream: the resilience handler sends the same content on every attempt.
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(current.ApiBaseUrl), path)) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        if (retryKey is { } key)
        {
            request.Headers.Add(RetryKeyHeader, key.ToString());
        }
        request.Options.Set(LineRequestOptions.Channel, channel);

        using var response = await http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        var requestId = LineRequestOptions.RequestIdOf(response);
        if (response.IsSuccessStatusCode)
        {
            LogAnswer(logger, operation, channel, status, requestId);
            return new LineApiResult(status, requestId);
        }

        var accepted = LineRequestOptions.Header(response, AcceptedRequestIdHeader);
        if (response.StatusCode == HttpStatusCode.Conflict && accepted is not null)
        {
            // The retry key was accepted before (an earlier attempt got through): delivered, not an error.
            LogAccepted(logger, operation, channel, requestId, accepted);
            return new LineApiResult(status, requestId, accepted);
        }

        var error = await LineAttemptHandler.ReadErrorAsync(response, cancellationToken);
        metrics.ApiError(channel, status);
        LogFailed(logger, operation, channel, status, error?.Message, requestId);
        if (response.StatusCode == HttpStatusCode.BadRequest && error?.Message == InvalidReplyToken)
        {
            throw new LineInvalidReplyTokenException(requestId);
        }
        throw new LineApiException(status, error?.Message, requestId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LINE {Operation} on {Channel}: {Status}, x-line-request-id {RequestId}")]
    private static partial void LogAnswer(ILogger logger, string operation, string channel, int status, string? requestId);

    [LoggerMessage(Level = LogLevel.Information, Message = "LINE {Operation} on {Channel}: retry key already accepted (409), x-line-request-id {RequestId}, accepted {AcceptedRequestId}")]
    private static partial void LogAccepted(ILogger logger, string operation, string channel, string? requestId, string acceptedRequestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE {Operation} on {Channel} failed: {Status} {LineMessage}, x-line-request-id {RequestId}")]
    private static partial void LogFailed(ILogger logger, string operation, string channel, int status, string? lineMessage, string? requestId);
}
