using System.Buffers.Binary;
using System.Text.Json;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Quota;
using OrleansConsult.Line.RichMenus;

namespace OrleansConsult.LineSimulator;

/// <summary>
/// Rich menus (create, image on the data API, list, delete, default, per-user link, alias) and the
/// month's quota, as the Messaging API answers them: bearer check, LINE-shaped errors, LINE's limits.
/// </summary>
internal static class RichMenuEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/v2/bot/richmenu", async (HttpContext http, LineSimulator sim) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            RichMenuRequest? menu;
            try
            {
                menu = await JsonSerializer.DeserializeAsync(http.Request.Body, RichMenuJsonContext.Default.RichMenuRequest, http.RequestAborted);
            }
            catch (JsonException)
            {
                menu = null;
            }
            if (menu is null || menu.Size is null || menu.Areas is null)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", new LineErrorDetail("invalid rich menu object", "body"));
            }
            try
            {
                RichMenuValidator.Validate(menu);
            }
            catch (LineMessageValidationException ex)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "The request body has 1 error(s)", new LineErrorDetail(ex.Limit, ex.Field));
            }
            var id = sim.RichMenus.Create(channel, menu, sim.Clock.GetUtcNow());
            return Results.Json(new RichMenuIdBody(id), RichMenuJsonContext.Default.RichMenuIdBody);
        });

        app.MapGet("/v2/bot/richmenu/list", (HttpContext http, LineSimulator sim) =>
            Channel(http, sim) is { } channel
                ? Results.Json(new RichMenuListBody(sim.RichMenus.List(channel).Select(Response).ToList()), RichMenuJsonContext.Default.RichMenuListBody)
                : Unauthorized());

        app.MapGet("/v2/bot/richmenu/alias/list", (HttpContext http, LineSimulator sim) =>
            Channel(http, sim) is { } channel
                ? Results.Json(new RichMenuAliasListBody(sim.RichMenus.Aliases(channel).Select(a => new RichMenuAliasRequest(a.AliasId, a.RichMenuId)).ToList()),
                    RichMenuJsonContext.Default.RichMenuAliasListBody)
                : Unauthorized());

        app.MapPost("/v2/bot/richmenu/alias", async (HttpContext http, LineSimulator sim) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            var alias = await ReadAliasAsync(http);
            if (alias?.RichMenuAliasId is not { Length: > 0 and <= 32 } aliasId || alias.RichMenuId is not { } menuId || sim.RichMenus.Find(channel, menuId) is null)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "richmenu alias or richmenu not valid");
            }
            if (sim.RichMenus.AliasOf(channel, aliasId) is not null)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "conflict richmenu alias id");
            }
            sim.RichMenus.SetAlias(channel, aliasId, menuId);
            return Ok();
        });

        app.MapPost("/v2/bot/richmenu/alias/{aliasId}", async (HttpContext http, LineSimulator sim, string aliasId) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            var alias = await ReadAliasAsync(http);
            if (sim.RichMenus.AliasOf(channel, aliasId) is null)
            {
                return ApiEndpoints.Error(StatusCodes.Status404NotFound, "richmenu alias not found");
            }
            if (alias?.RichMenuId is not { } menuId || sim.RichMenus.Find(channel, menuId) is null)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "richmenu not found");
            }
            sim.RichMenus.SetAlias(channel, aliasId, menuId);
            return Ok();
        });

        app.MapDelete("/v2/bot/richmenu/alias/{aliasId}", (HttpContext http, LineSimulator sim, string aliasId) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : sim.RichMenus.DeleteAlias(channel, aliasId) ? Ok() : ApiEndpoints.Error(StatusCodes.Status404NotFound, "richmenu alias not found"));

        app.MapGet("/v2/bot/richmenu/{richMenuId}", (HttpContext http, LineSimulator sim, string richMenuId) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : sim.RichMenus.Find(channel, richMenuId) is { } menu ? Results.Json(Response(menu), RichMenuJsonContext.Default.RichMenuResponse)
            : NotFound());

        app.MapDelete("/v2/bot/richmenu/{richMenuId}", (HttpContext http, LineSimulator sim, string richMenuId) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : sim.RichMenus.Delete(channel, richMenuId) ? Ok() : NotFound());

        // The image, on the data API (Line:DataApiBaseUrl points here too). LINE takes it once.
        app.MapPost("/v2/bot/richmenu/{richMenuId}/content", async (HttpContext http, LineSimulator sim, string richMenuId) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            if (sim.RichMenus.Find(channel, richMenuId) is not { } menu)
            {
                return NotFound();
            }
            var type = http.Request.ContentType ?? "";
            if (type is not ("image/png" or "image/jpeg"))
            {
                return ApiEndpoints.Error(StatusCodes.Status415UnsupportedMediaType, "Content-Type must be image/png or image/jpeg");
            }
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var bytes = buffer.ToArray();
            if (bytes.Length is 0 or > LinePlatformClient.MaxImageBytes)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "The image must be 1 MB or less");
            }
            if (type == "image/png" && PngSize(bytes) is { } size && (size.Width != menu.Menu.Size.Width || size.Height != menu.Menu.Size.Height))
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, $"The image size {size.Width}x{size.Height} does not match the rich menu size");
            }
            lock (menu)
            {
                if (menu.Image is not null)
                {
                    return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "An image has already been uploaded to the richmenu");
                }
                menu.Image = bytes;
                menu.ImageType = type;
            }
            return Ok();
        });

        app.MapGet("/v2/bot/richmenu/{richMenuId}/content", (HttpContext http, LineSimulator sim, string richMenuId) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : sim.RichMenus.Find(channel, richMenuId) is { Image: { } image } menu ? Results.Bytes(image, menu.ImageType ?? "image/png")
            : NotFound());

        app.MapPost("/v2/bot/user/all/richmenu/{richMenuId}", (HttpContext http, LineSimulator sim, string richMenuId) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            if (sim.RichMenus.Find(channel, richMenuId) is not { } menu)
            {
                return NotFound();
            }
            if (menu.Image is null)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "must upload richmenu image before applying it to user");
            }
            sim.RichMenus.SetDefault(channel, richMenuId);
            return Ok();
        });
        app.MapGet("/v2/bot/user/all/richmenu", (HttpContext http, LineSimulator sim) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : sim.RichMenus.DefaultOf(channel) is { } id ? Results.Json(new RichMenuIdBody(id), RichMenuJsonContext.Default.RichMenuIdBody)
            : ApiEndpoints.Error(StatusCodes.Status404NotFound, "no default richmenu"));
        app.MapDelete("/v2/bot/user/all/richmenu", (HttpContext http, LineSimulator sim) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            sim.RichMenus.SetDefault(channel, null);
            return Ok();
        });

        app.MapPost("/v2/bot/user/{userId}/richmenu/{richMenuId}", (HttpContext http, LineSimulator sim, string userId, string richMenuId) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            if (sim.RichMenus.Find(channel, richMenuId) is not { } menu)
            {
                return NotFound();
            }
            if (menu.Image is null)
            {
                return ApiEndpoints.Error(StatusCodes.Status400BadRequest, "must upload richmenu image before applying it to user");
            }
            sim.RichMenus.Link(channel, userId, richMenuId);
            return Ok();
        });
        app.MapGet("/v2/bot/user/{userId}/richmenu", (HttpContext http, LineSimulator sim, string userId) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : sim.RichMenus.LinkedTo(channel, userId) is { } id ? Results.Json(new RichMenuIdBody(id), RichMenuJsonContext.Default.RichMenuIdBody)
            : ApiEndpoints.Error(StatusCodes.Status404NotFound, "the user has no richmenu"));
        app.MapDelete("/v2/bot/user/{userId}/richmenu", (HttpContext http, LineSimulator sim, string userId) =>
        {
            if (Channel(http, sim) is not { } channel)
            {
                return Unauthorized();
            }
            sim.RichMenus.Link(channel, userId, null);
            return Ok();
        });

        app.MapGet("/v2/bot/message/quota", (HttpContext http, LineSimulator sim) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : Results.Json(sim.Options.Channels[channel].MonthlyQuota is { } limit ? new MessageQuota("limited", limit) : new MessageQuota("none", null),
                RichMenuJsonContext.Default.MessageQuota));
        app.MapGet("/v2/bot/message/quota/consumption", (HttpContext http, LineSimulator sim) =>
            Channel(http, sim) is not { } channel ? Unauthorized()
            : Results.Json(new QuotaConsumption(sim.MonthUsage(channel)), RichMenuJsonContext.Default.QuotaConsumption));
    }

    private static RichMenuResponse Response(SimulatedRichMenu m) =>
        new(m.RichMenuId, m.Menu.Size, m.Menu.Selected, m.Menu.Name, m.Menu.ChatBarText, m.Menu.Areas);

    private static async Task<RichMenuAliasRequest?> ReadAliasAsync(HttpContext http)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync(http.Request.Body, RichMenuJsonContext.Default.RichMenuAliasRequest, http.RequestAborted);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The bearer's channel (counted as an API call, with LINE's request id header); null when the token is unknown.</summary>
    private static string? Channel(HttpContext http, LineSimulator sim)
    {
        sim.CountApiCall(null);
        http.Response.Headers["x-line-request-id"] = Guid.NewGuid().ToString();
        var authorization = http.Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? sim.ChannelOfToken(authorization["Bearer ".Length..].Trim()) : null;
    }

    private static IResult Ok() => Results.Json(new LineErrorBody(null), LineJsonContext.Default.LineErrorBody);

    private static IResult NotFound() => ApiEndpoints.Error(StatusCodes.Status404NotFound, "Not found");

    private static IResult Unauthorized() =>
        ApiEndpoints.Error(StatusCodes.Status401Unauthorized, "Authentication failed. Confirm that the access token in the authorization header is valid.");

    /// <summary>Width and height from a PNG's IHDR chunk; null when it is not a PNG.</summary>
    internal static (int Width, int Height)? PngSize(byte[] png) =>
        png.Length >= 24 && png[0] == 0x89 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G'
            ? (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)))
            : null;
}
