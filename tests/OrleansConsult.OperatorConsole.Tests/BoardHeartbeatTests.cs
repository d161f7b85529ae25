using System.Text.Json;
using Microsoft.Extensions.Configuration;
using OrleansConsult.OperatorConsole.Board;
using OrleansConsult.OperatorConsole.Hosting;

namespace OrleansConsult.OperatorConsole.Tests;

/// <summary>
/// The board's event stream keeps proxies from closing it: after a silence of Console:BoardHeartbeat (15 s;
/// 1 s in these tests) it sends a comment line, which EventSource ignores.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class BoardHeartbeatTests(ConsoleFixture console)
{
    [Fact]
    public async Task A_quiet_board_stream_sends_its_boards_first_and_then_keepalive_comments()
    {
        var page = await console.NationalPageAsync();
        await page.GotoAsync("/");
        var result = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const controller = new AbortController();
              const response = await fetch('/api/board/events', { signal: controller.signal });
              const reader = response.body.getReader();
              const decoder = new TextDecoder();
              let text = '';
              const giveUp = Date.now() + 15000;
              // One read at a time: a read left pending when the wait ends is awaited again, so no chunk is lost.
              let pending = reader.read();
              const afterBoards = () => text.includes('event: board') ? (text.slice(text.indexOf('event: board')).match(/: keepalive/g) || []).length : 0;
              while (afterBoards() < 2 && Date.now() < giveUp) {
                const next = await Promise.race([pending, new Promise(r => setTimeout(() => r(null), 1000))]);
                if (next === null) continue;
                if (next.done) break;
                text += decoder.decode(next.value, { stream: true });
                pending = reader.read();
              }
              controller.abort();
              return { status: response.status, type: response.headers.get('content-type'), text };
            }
            """);
        Assert.Equal(200, result.GetProperty("status").GetInt32());
        Assert.StartsWith("text/event-stream", result.GetProperty("type").GetString());
        var text = result.GetProperty("text").GetString()!;
        // Comments may come before the first boards too (the stream is open before the first read of the boards ends).
        var blocks = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).SkipWhile(b => b == ": keepalive").ToList();
        Assert.StartsWith("event: board\ndata: {", blocks[0]);
        Assert.Contains("tenant:toyama", blocks[0]);
        // Nothing changed on the boards meanwhile: after the boards, only comments.
        Assert.True(blocks.Count >= 3, text);
        Assert.All(blocks.Skip(1), b => Assert.Equal(": keepalive", b));
    }

    [Fact]
    public void The_heartbeat_is_15_s_unless_set_and_a_bad_setting_stops_the_start_with_its_name()
    {
        static IConfiguration With(string? value) => new ConfigurationBuilder()
            .AddInMemoryCollection(value is null ? [] : [KeyValuePair.Create<string, string?>(BoardHeartbeat.Setting, value)]).Build();
        Assert.Equal(TimeSpan.FromSeconds(15), BoardHeartbeat.Load(With(null)).Interval);
        Assert.Equal(TimeSpan.FromSeconds(20), BoardHeartbeat.Load(With("00:00:20")).Interval);
        foreach (var bad in new[] { "soon", "00:00:00", "-00:00:05", "01:00:00" })
        {
            var error = Assert.Throws<ConsoleConfigurationException>(() => BoardHeartbeat.Load(With(bad)));
            Assert.Contains(BoardHeartbeat.Setting, error.Message);
        }
    }
}
