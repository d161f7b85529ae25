using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Line;
using OrleansConsult.LineSimulator;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Line;

/// <summary>
/// The webhook contract over real HTTP against the real Host (embedded storage). The bot's answers
/// go to a LINE simulator; the test events' reply tokens are not the simulator's, so every answer
/// goes out as a push carrying the retry key of the event it answers.
/// </summary>
public sealed class WebhookEndpointTests : IAsyncLifetime
{
    private static readonly TimeSpan HandledWithin = TimeSpan.FromSeconds(20);

    private readonly TempFolder _data = new();
    private WebApplication _simulatorApp = null!;
    private LineSimulator.LineSimulator _simulator = null!;
    private HostRunner _host = null!;

    public async Task InitializeAsync()
    {
        _simulatorApp = await TestLineSimulator.StartAsync();
        _simulator = _simulatorApp.Services.GetRequiredService<LineSimulator.LineSimulator>();

        var settings = HostRunner.Embedded(_data.Path);
        settings["Line:ApiBaseUrl"] = LineSimulatorApp.BoundAddress(_simulatorApp).ToString();
        _host = await HostRunner.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _simulatorApp.DisposeAsync();
        _data.Dispose();
    }

    internal static string TextEvent(string userId, string text, string eventId, bool redelivery = false, string mode = "active")
    {
        var replyToken = mode == "standby" ? "" : $",\"replyToken\":\"rt-{eventId}\"";
        var isRedelivery = redelivery ? "true" : "false";
        return $$$"""{"type":"message","mode":"{{{mode}}}","timestamp":1764000000000,"source":{"type":"user","userId":"{{{userId}}}"},"webhookEventId":"{{{eventId}}}","deliveryContext":{"isRedelivery":{{{isRedelivery}}}}{{{replyToken}}},"message":{"type":"text","id":"m-{{{eventId}}}","text":"{{{text}}}"}}""";
    }

    internal static string Body(params string[] events) => $$"""{"destination":"Ubot","events":[{{string.Join(",", events)}}]}""";

    internal static HttpRequestMessage Signed(string channel, string body, string secret, string? signature = null)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/line/webhook/{channel}") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Line-Signature", signature ?? LineSignature.Compute(bytes, secret));
        return request;
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? signature = null, string channel = "consultee") =>
        _host.Http.SendAsync(Signed(channel, body, channel == "staff" ? HostRunner.StaffSecret : HostRunner.ConsulteeSecret, signature));

    private Task<LineUserSnapshot> ConsulteeAsync(string userId) =>
        _host.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(_host.Services, "consultee", userId)).GetSnapshotAsync();

    /// <summary>True once the conversation engine has worked through every event the user's grain stored.</summary>
    private static Task<bool> HandledAsync(ILineUserGrain grain) =>
        Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()) is { Pending.Count: 0, EventsAccepted: > 0 }, HandledWithin);

    private Task<bool> ConsulteeHandledAsync(string userId) =>
        HandledAsync(_host.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(_host.Services, "consultee", userId)));

    /// <summary>The retry key of the bot's first send in answer to one event (what the engine derives from the event).</summary>
    private Guid AnswerKey(string channel, string userId, string eventId) =>
        RetryKeys.For($"{HostKeys.LineUser(_host.Services, channel, userId)}/{eventId}/bot/0");

    /// <summary>What reached the user: one entry per API request, in order, with its messages.</summary>
    private IReadOnlyList<(string Via, Guid? RetryKey, IReadOnlyList<JsonElement> Messages)> Requests(string channel, string userId) =>
        _simulator.Deliveries(channel, userId)
            .GroupBy(d => d.RequestId)
            .OrderBy(g => g.Min(d => d.Sequence))
            .Select(g => (g.First().Via, g.First().RetryKey, (IReadOnlyList<JsonElement>)g.OrderBy(d => d.Sequence).Select(d => d.Message).ToList()))
            .ToList();

    /// <summary>The first answer to a consultee who has not consented yet: the welcome text, then the privacy notice card.</summary>
    private static void AssertWelcomeWithPrivacyNotice(IReadOnlyList<JsonElement> messages)
    {
        Assert.Equal(2, messages.Count);
        Assert.Equal(BotText.Get("Welcome"), messages[0].GetProperty("text").GetString());
        Assert.Equal("flex", messages[1].GetProperty("type").GetString());
        Assert.StartsWith(BotText.Get("PrivacyTitle"), messages[1].GetProperty("altText").GetString());
    }

    [Fact]
    public async Task A_signed_event_is_stored_before_200_and_its_redelivery_takes_effect_once()
    {
        var body = Body(TextEvent("Ua", "こんにちは", "ev-1"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body(TextEvent("Ua", "こんにちは", "ev-1", redelivery: true)))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);

        var snapshot = await ConsulteeAsync("Ua");
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(2, snapshot.DuplicatesDropped);
        Assert.Equal(EventIdHash.OfAll("ev-1"), snapshot.RecentEventHashes);

        // The engine handled it once: one answer (welcome + privacy notice), keyed by ev-1.
        Assert.True(await ConsulteeHandledAsync("Ua"), "the accepted event was never handled");
        var answer = Assert.Single(Requests("consultee", "Ua"));
        Assert.Equal(AnswerKey("consultee", "Ua", "ev-1"), answer.RetryKey);
        AssertWelcomeWithPrivacyNotice(answer.Messages);
    }

    [Fact]
    public async Task Events_for_many_users_in_one_request_each_reach_their_grain_in_order()
    {
        var body = Body(TextEvent("Ub", "1", "b-1"), TextEvent("Uc", "x", "c-1"), TextEvent("Ub", "2", "b-2"), TextEvent("Ub", "3", "b-3"));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);

        var ub = await ConsulteeAsync("Ub");
        Assert.Equal(EventIdHash.OfAll("b-1", "b-2", "b-3"), ub.RecentEventHashes);
        Assert.Equal(3, ub.EventsAccepted);
        var uc = await ConsulteeAsync("Uc");
        Assert.Equal(EventIdHash.OfAll("c-1"), uc.RecentEventHashes);
        Assert.Equal(1, uc.EventsAccepted);

        // Each event answered once, in the order sent: answers to one request's events may share a send
        // (up to LINE's 5 messages), which then carries the key of its first answer.
        Assert.True(await ConsulteeHandledAsync("Ub"), "Ub's events were never handled");
        Assert.True(await ConsulteeHandledAsync("Uc"), "Uc's event was never handled");
        AssertAnsweredInOrder(Requests("consultee", "Ub"), "Ub", "b-1", "b-2", "b-3");
        Assert.Equal(AnswerKey("consultee", "Uc", "c-1"), Assert.Single(Requests("consultee", "Uc")).RetryKey);
    }

    [Fact]
    public async Task Forged_missing_or_wrong_case_signatures_get_401_and_nothing_is_stored()
    {
        var body = Body(TextEvent("Uforged", "x", "f-1"));
        var good = LineSignature.Compute(Encoding.UTF8.GetBytes(body), HostRunner.ConsulteeSecret);

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, signature: LineSignature.Compute(Encoding.UTF8.GetBytes(body), "other-secret"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body, signature: good.ToUpperInvariant())).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(body.Replace("\"x\"", "\"y\""), signature: good)).StatusCode);
        var unsigned = new HttpRequestMessage(HttpMethod.Post, "/line/webhook/consultee") { Content = new StringContent(body) };
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.Http.SendAsync(unsigned)).StatusCode);

        Assert.Equal(0, (await ConsulteeAsync("Uforged")).EventsAccepted);
    }

    [Fact]
    public async Task A_signed_body_that_is_not_a_webhook_gets_400_with_a_plain_reason()
    {
        foreach (var (body, reason) in new[]
        {
            ("{\"events\": [", "malformed JSON"),
            ("{\"destination\":\"U\"}", "not a webhook: no events array"),
            ("not json at all", "malformed JSON"),
        })
        {
            var response = await PostAsync(body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(reason, await response.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task More_events_than_the_cap_get_400_too_many_events_and_none_is_stored()
    {
        var events = Enumerable.Range(0, LineWebhookOptions.DefaultMaxEventsPerRequest + 1).Select(i => TextEvent("Umany", $"{i}", $"many-{i}")).ToArray();
        var response = await PostAsync(Body(events));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("too many events: 101, at most 100", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, (await ConsulteeAsync("Umany")).EventsAccepted);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body(events[..^1]))).StatusCode);
        Assert.Equal(100, (await ConsulteeAsync("Umany")).EventsAccepted);
    }

    [Fact]
    public async Task One_odd_event_never_costs_the_others_and_an_event_without_id_is_deduplicated_by_its_content()
    {
        // Without webhookEventId, as in older payloads and some of LINE's SDK fixtures.
        static string WithoutId(bool redelivery) =>
            $$$"""{"type":"message","replyToken":"rt-noid","source":{"type":"user","userId":"Uodd"},"timestamp":1764000000000,"mode":"active","deliveryContext":{"isRedelivery":{{{(redelivery ? "true" : "false")}}}},"message":{"id":"m-noid","type":"text","text":"IDなし"}}""";
        var unknown = """{"type":"teleport","mode":"active","timestamp":1,"source":{"type":"user","userId":"Uodd"},"webhookEventId":"odd-t"}""";
        var unreadable = """{"type":"message","mode":"active","timestamp":1,"source":{"type":"user","userId":"Uodd"},"webhookEventId":"odd-bad"}""";
        var body = Body(TextEvent("Uodd", "まえ", "odd-1"), WithoutId(false), unknown, unreadable, TextEvent("Uodd", "あと", "odd-2"));
        var derived = OrleansConsult.Line.Webhook.WebhookParser.DerivedId(JsonDocument.Parse(WithoutId(false)).RootElement);

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        var snapshot = await ConsulteeAsync("Uodd");
        Assert.Equal(3, snapshot.EventsAccepted);
        Assert.Equal(EventIdHash.OfAll("odd-1", derived, "odd-2"), snapshot.RecentEventHashes);

        // LINE redelivers the same body, then the id-less event alone flagged as a redelivery: all duplicates.
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(body)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body(WithoutId(true)))).StatusCode);
        snapshot = await ConsulteeAsync("Uodd");
        Assert.Equal(3, snapshot.EventsAccepted);
        Assert.Equal(4, snapshot.DuplicatesDropped);

        // The three readable events are worked through, in the order sent, each answered once.
        Assert.True(await ConsulteeHandledAsync("Uodd"), "the readable events were never handled");
        AssertAnsweredInOrder(Requests("consultee", "Uodd"), "Uodd", "odd-1", derived, "odd-2");
    }

    /// <summary>
    /// One welcome (text and privacy notice) per event, nothing more; the sends keyed by answers of these events in
    /// their order, the first by the first event's (answers gathered into one send carry its first answer's key).
    /// </summary>
    private void AssertAnsweredInOrder(IReadOnlyList<(string Kind, Guid? RetryKey, IReadOnlyList<JsonElement> Messages)> sends, string user, params string[] eventIds)
    {
        var keys = eventIds.Select(id => (Guid?)AnswerKey("consultee", user, id)).ToList();
        Assert.Equal(keys[0], sends[0].RetryKey);
        var positions = sends.Select(s => keys.IndexOf(s.RetryKey)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Equal(positions.Distinct().Count(), positions.Count);
        var messages = sends.SelectMany(s => s.Messages).ToList();
        Assert.Equal(2 * eventIds.Length, messages.Count);
        for (var i = 0; i < eventIds.Length; i++)
        {
            AssertWelcomeWithPrivacyNotice(messages.Skip(2 * i).Take(2).ToList());
        }
    }

    [Fact]
    public async Task Unknown_channel_is_404()
    {
        var response = await _host.Http.SendAsync(Signed("nosuchchannel", Body(), HostRunner.ConsulteeSecret));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Bodies_over_1_MiB_get_413_with_or_without_content_length()
    {
        var big = new string('a', LineWebhookReaderLimit + 1);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await PostAsync(big)).StatusCode);

        var chunked = new HttpRequestMessage(HttpMethod.Post, "/line/webhook/consultee")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(big))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.TryAddWithoutValidation("X-Line-Signature", "irrelevant");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await _host.Http.SendAsync(chunked)).StatusCode);
    }

    private const int LineWebhookReaderLimit = OrleansConsult.Line.Webhook.LineWebhookReader.MaxBodyBytes;

    [Fact]
    public async Task Empty_events_is_the_connection_check_and_gets_200() =>
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body())).StatusCode);

    [Fact]
    public async Task Unknown_event_types_are_ignored_and_the_rest_is_stored()
    {
        var unknown = """{"type":"teleport","mode":"active","timestamp":1,"source":{"type":"user","userId":"Ud"},"webhookEventId":"t-1"}""";
        var group = """{"type":"join","mode":"active","timestamp":1,"source":{"type":"group","groupId":"G1"},"webhookEventId":"g-1","replyToken":"r"}""";
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body(unknown, group, TextEvent("Ud", "本物", "d-1")))).StatusCode);

        var snapshot = await ConsulteeAsync("Ud");
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(EventIdHash.OfAll("d-1"), snapshot.RecentEventHashes);

        Assert.True(await ConsulteeHandledAsync("Ud"), "the text event was never handled");
        var answer = Assert.Single(Requests("consultee", "Ud"));
        Assert.Equal(AnswerKey("consultee", "Ud", "d-1"), answer.RetryKey);
        AssertWelcomeWithPrivacyNotice(answer.Messages);
    }

    [Fact]
    public async Task Standby_events_are_stored_without_a_reply_token()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body(TextEvent("Ue", "見てるだけ", "s-1", mode: "standby")))).StatusCode);

        var grain = _host.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(_host.Services, "consultee", "Ue"));
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(EventIdHash.OfAll("s-1"), snapshot.RecentEventHashes);
        Assert.Null(await grain.TakeReplyTokenAsync(TimeSpan.FromHours(1)));

        // Recorded and worked through, but the bot does not answer standby events.
        Assert.True(await HandledAsync(grain), "the standby event was never worked through");
        Assert.Empty(_simulator.Deliveries("consultee", "Ue"));
    }

    [Fact]
    public async Task Staff_channel_events_go_to_the_staff_user_grain()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(Body(TextEvent("Ustaff", "出勤", "st-1")), channel: "staff")).StatusCode);

        var staff = _host.Grains.GetGrain<IStaffLineUserGrain>(HostKeys.LineUser(_host.Services, "staff", "Ustaff"));
        var snapshot = await staff.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.Equal(EventIdHash.OfAll("st-1"), snapshot.RecentEventHashes);
        Assert.Equal(0, (await ConsulteeAsync("Ustaff")).EventsAccepted);

        // The staff grain handled it: "出勤" is no enrollment code, and the answer says so on the staff channel only.
        Assert.True(await HandledAsync(staff), "the staff event was never handled");
        var answer = Assert.Single(_simulator.Deliveries("staff", "Ustaff"));
        Assert.Equal(BotText.Get("Staff.EnrollmentInvalid"), answer.Message.GetProperty("text").GetString());
        Assert.Empty(_simulator.Deliveries("consultee", "Ustaff"));
    }
}

/// <summary>Storage down → 5xx so LINE redelivers; after recovery the redelivery is stored once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class WebhookStorageFailureTests(PostgresServer postgres)
{
    [Fact]
    public async Task Storage_down_answers_503_and_the_redelivery_after_recovery_is_stored_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync();
        Assert.Equal(0, await OrleansConsult.Host.OrleansConsultHost.MigrateAsync(["--Storage:Mode=PostgreSQL", $"--Storage:ConnectionString={connectionString}"]));
        await using var host = await HostRunner.StartAsync(HostRunner.Postgres(connectionString, "webhook-down"));
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database!;

        await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS false; SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}';");
        NpgsqlConnection.ClearAllPools();
        var body = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Udown", "届いて", "down-1"));
        try
        {
            var response = await host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", body, HostRunner.ConsulteeSecret));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        finally
        {
            await AdminAsync($"ALTER DATABASE {database} ALLOW_CONNECTIONS true;");
        }

        var redelivery = WebhookEndpointTests.Body(WebhookEndpointTests.TextEvent("Udown", "届いて", "down-1", redelivery: true));
        Assert.True(await Eventually.TrueAsync(async () =>
            (await host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", redelivery, HostRunner.ConsulteeSecret))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(30)));
        Assert.Equal(HttpStatusCode.OK, (await host.Http.SendAsync(WebhookEndpointTests.Signed("consultee", redelivery, HostRunner.ConsulteeSecret))).StatusCode);

        var grain = host.Grains.GetGrain<IConsulteeGrain>(HostKeys.LineUser(host.Services, "consultee", "Udown"));
        var snapshot = await grain.GetSnapshotAsync();
        Assert.Equal(1, snapshot.EventsAccepted);
        Assert.True(snapshot.DuplicatesDropped >= 1, "the redelivery after the stored one was not dropped");
        Assert.Equal(EventIdHash.OfAll("down-1"), snapshot.RecentEventHashes);

        // Once stored, the engine works it through (its answer goes to the outbox: no LINE here).
        Assert.True(await Eventually.TrueAsync(async () => (await grain.GetSnapshotAsync()).Pending.Count == 0, TimeSpan.FromSeconds(30)),
            "the stored event was never handled");
    }

    private async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
