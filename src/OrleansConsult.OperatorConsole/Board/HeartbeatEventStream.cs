using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>
/// A server-sent event stream of <typeparamref name="T"/> (one named event per item, JSON as the minimal APIs
/// write it) that sends a comment line after every <paramref name="heartbeat"/> of silence, so a proxy in
/// between keeps the connection open while nothing changes. EventSource ignores comment lines.
/// </summary>
public sealed class HeartbeatEventStream<T>(IAsyncEnumerable<T> items, string eventName, TimeSpan heartbeat) : IResult
{
    public const string Comment = ": keepalive\n\n";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache,no-store";
        response.Headers.Pragma = "no-cache";
        // Not buffered by a proxy in between (nginx honours this header).
        response.Headers["X-Accel-Buffering"] = "no";
        var json = httpContext.RequestServices.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var stopping = httpContext.RequestAborted;
        await response.StartAsync(stopping);

        await using var enumerator = items.GetAsyncEnumerator(stopping);
        try
        {
            var next = enumerator.MoveNextAsync().AsTask();
            while (true)
            {
                using var silence = CancellationTokenSource.CreateLinkedTokenSource(stopping);
                var beat = Task.Delay(heartbeat, silence.Token);
                if (await Task.WhenAny(next, beat) == next)
                {
                    await silence.CancelAsync();
                    if (!await next)
                    {
                        return;
                    }
                    await WriteAsync(response, $"event: {eventName}\ndata: {JsonSerializer.Serialize(enumerator.Current, json)}\n\n", stopping);
                    next = enumerator.MoveNextAsync().AsTask();
                }
                else
                {
                    await beat; // throws if the client left
                    await WriteAsync(response, Comment, stopping);
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The browser closed the board: nothing more to send.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
