using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace OrleansConsult.Line.Webhook;

/// <summary>
/// Reads a webhook request the way LINE's contract needs: raw bytes first (at most 1 MiB, a
/// bigger body is refused without reading the rest), then the signature over exactly those
/// bytes, then the JSON. Nothing is parsed for a request whose signature does not verify.
/// Every refusal carries a short plain reason (what LINE's console shows the operator).
/// </summary>
public static class LineWebhookReader
{
    public const int MaxBodyBytes = 1024 * 1024;

    public static async Task<WebhookReadResult> ReadAsync(
        HttpRequest request, string channelSecret, CancellationToken cancellationToken, int maxEvents = LineWebhookOptions.DefaultMaxEventsPerRequest)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return new(StatusCodes.Status413PayloadTooLarge, null, "body over 1 MiB");
        }

        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (buffer.Length > MaxBodyBytes)
                    {
                        return new(StatusCodes.Status413PayloadTooLarge, null, "body over 1 MiB");
                    }
                    var bigger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }
                length += read;
                if (length > MaxBodyBytes)
                {
                    return new(StatusCodes.Status413PayloadTooLarge, null, "body over 1 MiB");
                }
            }

            var body = buffer.AsMemory(0, length);
            if (!LineSignature.IsValid(body.Span, channelSecret, request.Headers["x-line-signature"]))
            {
                return new(StatusCodes.Status401Unauthorized, null, "bad signature");
            }

            try
            {
                return new(StatusCodes.Status200OK, WebhookParser.Parse(body.Span, maxEvents), "ok");
            }
            catch (WebhookFormatException ex)
            {
                return new(StatusCodes.Status400BadRequest, null, ex.Message);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
