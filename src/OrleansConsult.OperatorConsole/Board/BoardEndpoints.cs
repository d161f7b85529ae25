using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using OrleansConsult.Grains.Board;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.OperatorConsole.Access;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Board;

/// <summary>
/// /api/board: the boards in the signed-in person's scope as JSON, and as server-sent events (event "board",
/// sent at once and then each time a board changed; a comment line after 15 s of silence keeps proxies from closing it). /api/board/{owner} and /api/board/{owner}/events do the
/// same for one tenant or pool; out of scope is 404 (the API group's scope filter, then <see cref="BoardScope"/>).
/// </summary>
public sealed class BoardEndpoints : IConsoleEndpoints
{
    public const string EventName = "board";

    public void Map(RouteGroupBuilder api)
    {
        var board = api.MapGroup("/board").RequireAuthorization(ConsolePolicies.LiveWork);
        board.MapGet("/", async (ClaimsPrincipal user, BoardScope scope, BoardFeed feed, EngineClock time) =>
            TypedResults.Ok(await ReadAsync(feed, scope.DispatcherKeys(user), time)));
        board.MapGet("/events", (ClaimsPrincipal user, BoardScope scope, BoardFeed feed, EngineClock time, BoardHeartbeat heartbeat, HttpContext context) =>
            Events(feed, scope.DispatcherKeys(user), time, heartbeat, context));
        board.MapGet("/{owner}", async (string owner, ClaimsPrincipal user, BoardScope scope, BoardFeed feed, EngineClock time) =>
            scope.DispatcherKey(user, owner) is { } key ? Results.Ok(await ReadAsync(feed, [key], time)) : Results.NotFound());
        board.MapGet("/{owner}/events", (string owner, ClaimsPrincipal user, BoardScope scope, BoardFeed feed, EngineClock time, BoardHeartbeat heartbeat, HttpContext context) =>
            scope.DispatcherKey(user, owner) is { } key ? Events(feed, [key], time, heartbeat, context) : Results.NotFound());
    }

    private static async Task<BoardPayload> ReadAsync(BoardFeed feed, IReadOnlyList<string> keys, EngineClock time) =>
        new(time.GetUtcNow(), await feed.ReadAsync(keys));

    private static IResult Events(BoardFeed feed, IReadOnlyList<string> keys, EngineClock time, BoardHeartbeat heartbeat, HttpContext context) =>
        new HeartbeatEventStream<BoardPayload>(Stream(feed, keys, time, context.RequestAborted), EventName, heartbeat.Interval);

    private static async IAsyncEnumerable<BoardPayload> Stream(BoardFeed feed, IReadOnlyList<string> keys, EngineClock time,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var boards in feed.WatchAsync(keys, cancellationToken: cancellationToken))
        {
            yield return new BoardPayload(time.GetUtcNow(), boards);
        }
    }
}
