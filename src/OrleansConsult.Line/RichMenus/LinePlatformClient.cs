using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Quota;

namespace OrleansConsult.Line.RichMenus;

/// <summary>
/// The account-level Messaging API calls: rich menus (create, image, list, delete, default, per-user
/// link, alias) and the month's message quota. Same HTTP pipeline (retries, per-channel breaker) as
/// the message calls; logs LINE's request id, never a user id.
/// </summary>
public sealed partial class LinePlatformClient(
    IHttpClientFactory httpClients, IOptionsMonitor<LineOptions> options, LineMetrics metrics, ILogger<LinePlatformClient> logger)
{
    /// <summary>LINE's limit for a rich menu image.</summary>
    public const int MaxImageBytes = 1024 * 1024;

    public async Task<string> CreateRichMenuAsync(string channel, RichMenuRequest menu, CancellationToken cancellationToken = default)
    {
        RichMenuValidator.Validate(menu);
        var body = await SendAsync(channel, "richmenu-create", HttpMethod.Post, Api("/v2/bot/richmenu"),
            Json(menu, RichMenuJsonContext.Default.RichMenuRequest), cancellationToken);
        return JsonSerializer.Deserialize(body!, RichMenuJsonContext.Default.RichMenuIdBody)?.RichMenuId
            ?? throw new LineApiException(200, "create rich menu: no richMenuId in the answer", null);
    }

    /// <summary>POST api-data …/richmenu/{id}/content: PNG or JPEG, at most 1 MB. LINE takes an image once per menu.</summary>
    public async Task UploadRichMenuImageAsync(string channel, string richMenuId, byte[] image, string contentType, CancellationToken cancellationToken = default)
    {
        if (image.Length is 0 or > MaxImageBytes)
        {
            throw new LineMessageValidationException("richmenu image", $"1 byte to {MaxImageBytes} bytes, got {image.Length}");
        }
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        await SendAsync(channel, "richmenu-image", HttpMethod.Post, Data($"/v2/bot/richmenu/{Escape(richMenuId)}/content"), content, cancellationToken);
    }

    /// <summary>Whether the menu has its image (a menu created without one cannot be shown).</summary>
    public async Task<bool> HasRichMenuImageAsync(string channel, string richMenuId, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(channel, "richmenu-image-get", HttpMethod.Get, Data($"/v2/bot/richmenu/{Escape(richMenuId)}/content"), null, cancellationToken,
            allowNotFound: true);
        return body is { Length: > 0 };
    }

    public async Task<IReadOnlyList<RichMenuResponse>> ListRichMenusAsync(string channel, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(channel, "richmenu-list", HttpMethod.Get, Api("/v2/bot/richmenu/list"), null, cancellationToken);
        return JsonSerializer.Deserialize(body!, RichMenuJsonContext.Default.RichMenuListBody)?.Richmenus ?? [];
    }

    public Task DeleteRichMenuAsync(string channel, string richMenuId, CancellationToken cancellationToken = default) =>
        SendAsync(channel, "richmenu-delete", HttpMethod.Delete, Api($"/v2/bot/richmenu/{Escape(richMenuId)}"), null, cancellationToken, allowNotFound: true);

    /// <summary>The menu every user of the channel sees unless one is linked to her.</summary>
    public Task SetDefaultRichMenuAsync(string channel, string richMenuId, CancellationToken cancellationToken = default) =>
        SendAsync(channel, "richmenu-default", HttpMethod.Post, Api($"/v2/bot/user/all/richmenu/{Escape(richMenuId)}"), null, cancellationToken);

    /// <summary>The default menu's id, or null when none is set.</summary>
    public async Task<string?> GetDefaultRichMenuAsync(string channel, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(channel, "richmenu-default-get", HttpMethod.Get, Api("/v2/bot/user/all/richmenu"), null, cancellationToken, allowNotFound: true);
        return body is { Length: > 0 } ? JsonSerializer.Deserialize(body, RichMenuJsonContext.Default.RichMenuIdBody)?.RichMenuId : null;
    }

    public Task LinkRichMenuAsync(string channel, string userId, string richMenuId, CancellationToken cancellationToken = default) =>
        SendAsync(channel, "richmenu-link", HttpMethod.Post, Api($"/v2/bot/user/{Escape(userId)}/richmenu/{Escape(richMenuId)}"), null, cancellationToken);

    /// <summary>Back to the channel's default menu (none on the staff account).</summary>
    public Task UnlinkRichMenuAsync(string channel, string userId, CancellationToken cancellationToken = default) =>
        SendAsync(channel, "richmenu-unlink", HttpMethod.Delete, Api($"/v2/bot/user/{Escape(userId)}/richmenu"), null, cancellationToken, allowNotFound: true);

    /// <summary>Points the alias at the menu: updates it when it exists, creates it otherwise.</summary>
    public async Task SetRichMenuAliasAsync(string channel, string aliasId, string richMenuId, CancellationToken cancellationToken = default)
    {
        var list = await SendAsync(channel, "richmenu-alias-list", HttpMethod.Get, Api("/v2/bot/richmenu/alias/list"), null, cancellationToken);
        var aliases = JsonSerializer.Deserialize(list!, RichMenuJsonContext.Default.RichMenuAliasListBody)?.Aliases ?? [];
        var current = aliases.FirstOrDefault(a => a.RichMenuAliasId == aliasId);
        if (current?.RichMenuId == richMenuId)
        {
            return;
        }
        if (current is not null)
        {
            await SendAsync(channel, "richmenu-alias-update", HttpMethod.Post, Api($"/v2/bot/richmenu/alias/{Escape(aliasId)}"),
                Json(new RichMenuAliasRequest(null, richMenuId), RichMenuJsonContext.Default.RichMenuAliasRequest), cancellationToken);
            return;
        }
        await SendAsync(channel, "richmenu-alias-create", HttpMethod.Post, Api("/v2/bot/richmenu/alias"),
            Json(new RichMenuAliasRequest(aliasId, richMenuId), RichMenuJsonContext.Default.RichMenuAliasRequest), cancellationToken);
    }

    public async Task<MessageQuota> GetQuotaAsync(string channel, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(channel, "quota", HttpMethod.Get, Api("/v2/bot/message/quota"), null, cancellationToken);
        return JsonSerializer.Deserialize(body!, RichMenuJsonContext.Default.MessageQuota) ?? new MessageQuota(null, null);
    }

    public async Task<long> GetQuotaConsumptionAsync(string channel, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync(channel, "quota-consumption", HttpMethod.Get, Api("/v2/bot/message/quota/consumption"), null, cancellationToken);
        return JsonSerializer.Deserialize(body!, RichMenuJsonContext.Default.QuotaConsumption)?.TotalUsage ?? 0;
    }

    private Uri Api(string path) => new(new Uri(options.CurrentValue.ApiBaseUrl), path);

    private Uri Data(string path) => new(new Uri(options.CurrentValue.DataApiBaseUrl), path);

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private static ByteArrayContent Json<T>(T body, JsonTypeInfo<T> typeInfo)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body, typeInfo));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>The answer's bytes; null for a 404 when <paramref name="allowNotFound"/>; throws <see cref="LineApiException"/> otherwise.</summary>
    private async Task<byte[]?> SendAsync(
        string channel, string operation, HttpMethod method, Uri uri, HttpContent? content, CancellationToken cancellationToken, bool allowNotFound = false)
    {
        if (!options.CurrentValue.Channels.TryGetValue(channel, out var settings))
        {
            throw new ArgumentException($"LINE channel '{channel}' is not configured", nameof(channel));
        }
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.AccessToken);
        request.Options.Set(LineRequestOptions.Channel, channel);
        using var response = await httpClients.CreateClient(LineServiceCollectionExtensions.HttpClientName).SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        var requestId = LineRequestOptions.RequestIdOf(response);
        if (response.IsSuccessStatusCode)
        {
            LogAnswer(logger, operation, channel, status, requestId);
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        if (allowNotFound && response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        var error = await LineAttemptHandler.ReadErrorAsync(response, cancellationToken);
        metrics.ApiError(channel, status);
        LogFailed(logger, operation, channel, status, error?.Message, requestId);
        throw new LineApiException(status, error?.Message, requestId);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LINE {Operation} on {Channel}: {Status}, x-line-request-id {RequestId}")]
    private static partial void LogAnswer(ILogger logger, string operation, string channel, int status, string? requestId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "LINE {Operation} on {Channel} failed: {Status} {LineMessage}, x-line-request-id {RequestId}")]
    private static partial void LogFailed(ILogger logger, string operation, string channel, int status, string? lineMessage, string? requestId);
}
