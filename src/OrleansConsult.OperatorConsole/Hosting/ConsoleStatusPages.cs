using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OrleansConsult.OperatorConsole.Hosting;

/// <summary>
/// A plain Japanese page for an empty 404 (out of scope, or no such tenant) on the console port:
/// the same text whether the thing exists or not. API answers stay bare; the public port is untouched.
/// </summary>
internal static class ConsoleStatusPages
{
    private const string NotFoundHtml = """
        <!DOCTYPE html>
        <html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>ページが見つかりません | オペレーター画面</title><link rel="stylesheet" href="/assets/css/console.css"></head>
        <body><main id="main"><section class="narrow"><h1>ページが見つかりません</h1>
        <p>お探しのページはないか、表示する権限がありません。</p><p><a href="/">ホームへ戻る</a></p></section></main></body></html>
        """;

    public static void Use(WebApplication app, ConsolePort port)
    {
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            if (!port.Serves(http) || http.Response.StatusCode != StatusCodes.Status404NotFound || http.Request.Path.StartsWithSegments("/api"))
            {
                return;
            }
            http.Response.ContentType = "text/html; charset=utf-8";
            await http.Response.WriteAsync(NotFoundHtml);
        });
    }
}
