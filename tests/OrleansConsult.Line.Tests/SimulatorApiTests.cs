using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Tests;

public sealed class SimulatorApiTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private SimulatorHost _host = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync() => _host = await SimulatorHost.StartAsync(o => o.Clock = _clock);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _host.DisposeAsync();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, string json, string token = "dev-consultee-token", Guid? retryKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_host.Url, path)) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (retryKey is not null)
        {
            request.Headers.Add("X-Line-Retry-Key", retryKey.ToString());
        }
        return await _http.SendAsync(request);
    }

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();

    [Fact]
    public async Task Repeated_retry_key_is_409_with_the_accepted_request_id_and_not_recorded_again()
    {
        var key = Guid.NewGuid();
        const string body = """{"to":"U1","messages":[{"type":"text","text":"hello"}]}""";
        using var first = await PostAsync("/v2/bot/message/push", body, retryKey: key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var requestId = Header(first, "x-line-request-id");

        using var second = await PostAsync("/v2/bot/message/push", body, retryKey: key);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(requestId, Header(second, "x-line-accepted-request-id"));
        Assert.Single(_host.Simulator.Deliveries("consultee", "U1"));
        Assert.Equal(2, _host.Simulator.AttemptsFor(key));
    }

    [Fact]
    public async Task Unknown_bearer_is_401_with_a_line_error()
    {
        using var response = await PostAsync("/v2/bot/message/push", """{"to":"U1","messages":[{"type":"text","text":"x"}]}""", token: "stolen");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("\"message\":", await response.Content.ReadAsStringAsync());
        Assert.Empty(_host.Simulator.Deliveries());
    }

    [Fact]
    public async Task Invalid_bodies_are_400_with_details_naming_the_property()
    {
        using var tooLong = await PostAsync("/v2/bot/message/push", $$"""{"to":"U1","messages":[{"type":"text","text":"{{new string('a', 5001)}}"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        var json = await tooLong.Content.ReadAsStringAsync();
        Assert.Contains("\"details\":", json);
        Assert.Contains("messages[0].text", json);

        // "type" last: the simulator reads it wherever it is.
        using var typeLast = await PostAsync("/v2/bot/message/push", """{"messages":[{"text":"ok","type":"text"}],"to":"U1"}""");
        Assert.Equal(HttpStatusCode.OK, typeLast.StatusCode);

        using var unknownType = await PostAsync("/v2/bot/message/push", """{"to":"U1","messages":[{"type":"hologram"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
    }

    [Fact]
    public async Task Reply_token_is_single_use_and_expires_on_the_simulator_clock()
    {
        var token = _host.Simulator.IssueReplyToken("consultee", "U1");
        var body = $$"""{"replyToken":"{{token}}","messages":[{"type":"text","text":"hi"}]}""";
        using (var first = await PostAsync("/v2/bot/message/reply", body))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }
        using (var again = await PostAsync("/v2/bot/message/reply", body))
        {
            Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
            Assert.Contains("Invalid reply token", await again.Content.ReadAsStringAsync());
        }

        var late = _host.Simulator.IssueReplyToken("consultee", "U1");
        _clock.Advance(TimeSpan.FromSeconds(61));
        using (var expired = await PostAsync("/v2/bot/message/reply", $$"""{"replyToken":"{{late}}","messages":[{"type":"text","text":"hi"}]}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
        }
        // Another channel's token is not this channel's.
        var staffToken = _host.Simulator.IssueReplyToken("staff", "U1");
        using (var wrongChannel = await PostAsync("/v2/bot/message/reply", $$"""{"replyToken":"{{staffToken}}","messages":[{"type":"text","text":"hi"}]}"""))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongChannel.StatusCode);
        }
        var delivered = Assert.Single(_host.Simulator.Deliveries("consultee", "U1"));
        Assert.Equal("reply", delivered.Via);
    }

    [Fact]
    public async Task Loading_animation_accepts_steps_of_five()
    {
        await using var services = _host.LineServices();
        var client = services.GetRequiredService<LineMessagingClient>();
        Assert.Equal(202, (await client.ShowLoadingAsync("consultee", "U1", 20)).StatusCode);
        await Assert.ThrowsAsync<LineMessageValidationException>(() => client.ShowLoadingAsync("consultee", "U1", 7));
    }
}
