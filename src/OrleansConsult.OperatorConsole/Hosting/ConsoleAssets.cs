using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticFiles;

namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>
/// The console's CSS and vendored scripts (htmx), embedded in this assembly and served under
/// /assets on the console port only: nothing from a CDN, nothing on the public port.
/// </summary>
internal static class ConsoleAssets
{
    private const string Prefix = "console-assets/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/assets/{**path}", (string path, HttpContext context) =>
        {
            var stream = typeof(ConsoleAssets).Assembly.GetManifestResourceStream(Prefix + path);
            if (stream is null || path.Contains("..", StringComparison.Ordinal))
            {
                stream?.Dispose();
                return Results.NotFound();
            }
            context.Response.Headers.CacheControl = "private, max-age=3600";
            var type = ContentTypes.TryGetContentType(path, out var found) ? found : "application/octet-stream";
            return Results.Stream(stream, type);
        }).AllowAnonymous().WithMetadata(ConsoleEndpoint.Instance);
    }
}
