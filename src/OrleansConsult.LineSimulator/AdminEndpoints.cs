using System.Reflection;

namespace OrleansConsult.LineSimulator;

/// <summary>The simulator's own API under /_sim: faults, records, and the simulated phones used by the page.</summary>
internal static class AdminEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/", () => Results.Stream(
            Assembly.GetExecutingAssembly().GetManifestResourceStream("index.html")!, "text/html; charset=utf-8"));

        var sim = app.MapGroup("/_sim");
        sim.MapGet("/channels", (LineSimulator s) => (IReadOnlyList<ChannelView>)s.Options.Channels
            .Select(c => new ChannelView(c.Key, c.Value.Role.ToString().ToLowerInvariant())).ToList());
        sim.MapGet("/faults", (LineSimulator s) => s.Faults);
        sim.MapPut("/faults", (LineSimulator s, FaultSettings faults) =>
        {
            s.Faults = faults;
            return s.Faults;
        });
        sim.MapPost("/outage", (LineSimulator s, OutageRequest outage) =>
        {
            s.StartOutage(TimeSpan.FromSeconds(outage.Seconds));
            return s.Faults;
        });
        sim.MapDelete("/outage", (LineSimulator s) =>
        {
            s.EndOutage();
            return s.Faults;
        });
        sim.MapGet("/stats", (LineSimulator s) => s.Stats());
        sim.MapPost("/reset", (LineSimulator s) =>
        {
            s.Reset();
            return Results.NoContent();
        });
        sim.MapGet("/deliveries", (LineSimulator s, string? channel, string? userId, long? after) =>
            s.Deliveries(channel, userId, after ?? 0));

        // A simulated phone: what the user does becomes a signed webhook to the app.
        var user = sim.MapGroup("/users/{channel}/{userId}");
        user.MapGet("/messages", (LineSimulator s, string channel, string userId, long? after) => s.Deliveries(channel, userId, after ?? 0));
        user.MapPost("/follow", (WebhookSender w, string channel, string userId, CancellationToken ct) =>
            AnswerAsync(w.User(channel, userId).FollowAsync(ct)));
        user.MapPost("/unfollow", (WebhookSender w, string channel, string userId, CancellationToken ct) =>
            AnswerAsync(w.User(channel, userId).UnfollowAsync(ct)));
        user.MapPost("/text", (WebhookSender w, string channel, string userId, UserText body, CancellationToken ct) =>
            AnswerAsync(w.User(channel, userId).SendTextAsync(body.Text, ct)));
        user.MapPost("/postback", (WebhookSender w, string channel, string userId, UserPostback body, CancellationToken ct) =>
            AnswerAsync(w.User(channel, userId).TapPostbackAsync(body.Data, ct)));
        user.MapPost("/image", (WebhookSender w, string channel, string userId, UserMedia body, CancellationToken ct) =>
            UserMediaAsync(body, bytes => w.User(channel, userId).SendMediaAsync("image", bytes, body.ContentType ?? "image/png", ct)));
        user.MapPost("/file", (WebhookSender w, string channel, string userId, UserMedia body, CancellationToken ct) =>
            UserMediaAsync(body, bytes => w.User(channel, userId).SendFileAsync(body.FileName ?? "file.bin", bytes, ct)));
        user.MapGet("/signals", (LineSimulator s, string channel, string userId) => s.Signals(channel, userId));
        // The menu her phone shows (linked, else the channel's default) and its picture; 204 when none.
        user.MapGet("/richmenu", (LineSimulator s, string channel, string userId) =>
            s.RichMenus.ViewFor(channel, userId) is { } view ? Results.Ok(view) : Results.NoContent());
        sim.MapGet("/richmenus/{channel}/{richMenuId}/image", (LineSimulator s, string channel, string richMenuId) =>
            s.RichMenus.Find(channel, richMenuId) is { Image: { } image } menu ? Results.Bytes(image, menu.ImageType ?? "image/png") : Results.NotFound());
    }

    /// <summary>Bad base64 is a 400 naming the field; nothing is sent.</summary>
    private static Task<IResult> UserMediaAsync(UserMedia body, Func<byte[], Task<WebhookSendResult>> send)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(body.Base64 ?? "");
        }
        catch (FormatException)
        {
            return Task.FromResult(Results.BadRequest("base64: not valid base64"));
        }
        return bytes.Length == 0 ? Task.FromResult(Results.BadRequest("base64: empty")) : AnswerAsync(send(bytes));
    }

    /// <summary>The app's answer, or 502 when it could not be reached (the page shows it).</summary>
    private static async Task<IResult> AnswerAsync(Task<WebhookSendResult> sending)
    {
        try
        {
            var sent = await sending;
            return Results.Ok(new WebhookAnswer(sent.StatusCode, sent.Event.WebhookEventId));
        }
        catch (HttpRequestException)
        {
            return Results.Json(new WebhookAnswer(0, ""), statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
