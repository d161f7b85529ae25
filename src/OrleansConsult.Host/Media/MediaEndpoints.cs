using OrleansConsult.Abstractions;

namespace OrleansConsult.Host.Media;

/// <summary>
/// GET /media/{id}/{original|preview}?exp=…&amp;sig=… on the public port: what LINE fetches to show a
/// relayed picture, video, voice message or file. 404 for a bad or expired signature and for media
/// that no longer exists (erased, purged), without saying which. Never cached (no-store); a file is
/// always a download of application/octet-stream, so nothing a consultee sends runs on this origin.
/// </summary>
public static class MediaEndpoints
{
    public static void Map(WebApplication app)
    {
        var media = app.MapGroup("/media");
        media.MapGet("/{id}/{variant}", ServeAsync);
    }

    private static async Task<IResult> ServeAsync(
        string id, string variant, long? exp, string? sig, HttpContext http, MediaUrlSigner signer, IMediaStore store, CancellationToken cancellationToken)
    {
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        if (exp is not { } expires || !signer.Verify(id, variant, expires, sig))
        {
            return Results.NotFound();
        }
        var content = await store.GetAsync(id, variant == "preview", cancellationToken);
        if (content is null)
        {
            return Results.NotFound();
        }
        return content.Kind == MediaRef.File
            ? Results.File(content.Bytes, "application/octet-stream", "file")
            : Results.Bytes(content.Bytes, content.ContentType);
    }
}
