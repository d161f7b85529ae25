using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace OrleansConsult.Line.Messaging;

/// <summary>
/// Innermost handler, runs once per attempt: counts the attempt, logs LINE's request id, and turns
/// the monthly-limit 429 into <see cref="LineMonthlyLimitException"/> so the retry strategy (which
/// only retries transient answers and exceptions) never sees it as a transient 429.
/// </summary>
internal sealed partial class LineAttemptHandler(LineMetrics metrics, ILogger<LineAttemptHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var channel = LineRequestOptions.ChannelOf(request);
        metrics.Attempt(channel);
        var response = await base.SendAsync(request, cancellationToken);
        var requestId = LineRequestOptions.RequestIdOf(response);
        LogAttempt(logger, channel, RedactedPath(request.RequestUri), (int)response.StatusCode, requestId);

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var error = await ReadErrorAsync(response, cancellationToken);
            if (error?.Message == LineMessagingClient.MonthlyLimit)
            {
                metrics.MonthlyLimit(channel);
                response.Dispose();
                throw new LineMonthlyLimitException(requestId);
            }
        }
        return response;
    }

    /// <summary>The path with a user id (rich menu links: /v2/bot/user/{userId}/…) left out: no LINE user id in logs.</summary>
    internal static string? RedactedPath(Uri? uri)
    {
        var path = uri?.AbsolutePath;
        const string users = "/v2/bot/user/";
        if (path is null || !path.StartsWith(users, StringComparison.Ordinal) || path.AsSpan(users.Length).StartsWith("all/"))
        {
            return path;
        }
        var end = path.IndexOf('/', users.Length);
        return users + "…" + (end < 0 ? "" : path[end..]);
    }

    internal static async Task<LineErrorBody?> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, LineJsonContext.Default.LineErrorBody);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LINE attempt on {Channel} {Path}: {Status}, x-line-request-id {RequestId}")]
    private static partial void LogAttempt(ILogger logger, string? channel, string? path, int status, string? requestId);
}
