using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.LineSimulator;
using OrleansConsult.Storage;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// Pictures and files through the simulator and the Host, over real HTTP both ways: the photo she
/// sends reaches her counselor as an image on the Host's own signed URL, which serves exactly her
/// bytes, is never cached, expires, and refuses a forged signature; what cannot be fetched is named
/// to the counselor; the bytes at rest are sealed; her erasure takes her pictures too.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class MediaJourneyTests(PostgresServer postgres)
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    /// <summary>A host whose public address (and so its media URLs) is known before it starts.</summary>
    private static async Task<JourneyHost> StartAsync(Dictionary<string, string?> settings, TimeSpan? urlLifetime = null, long? maxImageBytes = null)
    {
        var publicUrl = $"http://127.0.0.1:{FreePort.Next()}";
        settings["urls"] = publicUrl;
        settings["Line:PublicBaseUrl"] = publicUrl;
        if (urlLifetime is { } lifetime)
        {
            settings["Line:Media:UrlLifetime"] = lifetime.ToString();
        }
        if (maxImageBytes is { } max)
        {
            settings["Line:Media:MaxImageBytes"] = max.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), settings);
    }

    private static async Task<(Phone She, Phone Counselor, string CaseId)> ConnectedAsync(JourneyHost journey, string herId)
    {
        var counselor = await journey.OnShiftAsync("Ustaff-media-" + herId[^6..], Sakura);
        var she = await journey.ReadyConsulteeAsync(herId, "高岡市");
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");
        return (she, counselor, caseId);
    }

    /// <summary>A PNG signature followed by random bytes: unique to this test run, so finding it anywhere means it leaked.</summary>
    private static byte[] Photo(int size)
    {
        var bytes = RandomNumberGenerator.GetBytes(size);
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }

    private static JsonElement LastImage(JourneyHost journey, string userId) =>
        journey.Simulator.Deliveries("staff", userId).Select(d => d.Message)
            .Last(m => m.GetProperty("type").GetString() == "image");

    [Theory]
    [InlineData("embedded")]
    [InlineData("postgres")]
    public async Task Her_photo_reaches_the_counselor_as_an_image_whose_signed_url_serves_her_bytes_once_and_expires(string mode)
    {
        using var data = new TempFolder();
        var settings = mode == "postgres"
            ? HostRunner.Postgres(await postgres.CreateDatabaseAsync(), "media-" + Guid.NewGuid().ToString("N")[..8])
            : HostRunner.Embedded(data.Path);
        settings["Storage:MigrateOnStart"] = "true";
        await using var journey = await StartAsync(settings, urlLifetime: TimeSpan.FromSeconds(10));
        var herId = "Uphoto" + Guid.NewGuid().ToString("N");
        var (_, counselor, caseId) = await ConnectedAsync(journey, herId);

        var photo = Photo(40_000);
        Assert.Equal(200, (await journey.Users.User("consultee", herId).SendMediaAsync("image", photo, "image/png")).StatusCode);
        await counselor.ExpectAsync($"#{caseId[..4]} ［画像］");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(
            journey.Simulator.Deliveries("staff", counselor.UserId).Any(d => d.Message.GetProperty("type").GetString() == "image")), TimeSpan.FromSeconds(10)));
        var image = LastImage(journey, counselor.UserId);
        var original = image.GetProperty("originalContentUrl").GetString()!;
        var preview = image.GetProperty("previewImageUrl").GetString()!;
        Assert.StartsWith(journey.Host.BaseAddress.ToString().TrimEnd('/') + "/media/", original);
        Assert.Contains(image.GetProperty("quickReply").GetProperty("items").EnumerateArray(),
            i => i.GetProperty("action").GetProperty("label").GetString()!.Contains(caseId[..4], StringComparison.Ordinal));

        using var http = new HttpClient();
        using (var served = await http.GetAsync(original))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(photo, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
            Assert.True(served.Headers.CacheControl?.NoStore, "the media URL must be served with Cache-Control: no-store");
        }
        // A small image is its own preview (LINE's preview limit is 1 MB).
        Assert.Equal(photo, await http.GetByteArrayAsync(preview));

        // A forged or altered signature, another variant under the same signature, a later expiry: 404, no-store.
        var forged = original[..^4] + (original[^4..] == "AAAA" ? "BBBB" : "AAAA");
        var stretched = original.Replace("exp=", "exp=9", StringComparison.Ordinal);
        var unsignedPreview = original.Replace("/original?", "/preview?", StringComparison.Ordinal);
        foreach (var bad in new[] { forged, stretched, unsignedPreview, original.Split('?')[0] })
        {
            using var refused = await http.GetAsync(bad);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.True(refused.Headers.CacheControl?.NoStore);
        }

        // Expired: the same URL that served her bytes is a 404 once its lifetime (10 s here) is over.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            using var later = await http.GetAsync(original);
            return later.StatusCode == HttpStatusCode.NotFound;
        }, TimeSpan.FromSeconds(25)), "the signed URL still served after its lifetime");

        // The transcript holds a media entry (kind, size, media id), never the bytes.
        var database = journey.Host.Services.GetRequiredService<Database>();
        Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM oc_media WHERE case_id = @case AND kind = 'image' AND size = 40000", ("case", caseId)));
        var transcript = await journey.Host.Services.GetRequiredService<SqlTranscriptStore>().ReadAsync(caseId);
        var entry = Assert.Single(transcript, t => t.Text.Contains("media image", StringComparison.Ordinal));
        Assert.Contains(" 40000 ", entry.Text);
    }

    [Fact]
    public async Task A_photo_too_large_or_gone_from_LINE_reaches_the_counselor_as_could_not_be_shown()
    {
        using var data = new TempFolder();
        await using var journey = await StartAsync(HostRunner.Embedded(data.Path), maxImageBytes: 10_000);
        var herId = "Ubig" + Guid.NewGuid().ToString("N");
        var (_, counselor, caseId) = await ConnectedAsync(journey, herId);
        var user = journey.Users.User("consultee", herId);

        Assert.Equal(200, (await user.SendMediaAsync("image", Photo(50_000), "image/png")).StatusCode);
        await counselor.ExpectAsync($"#{caseId[..4]} ［画像］が届きましたが、表示できませんでした");
        // Content LINE no longer has (404 from the data API).
        Assert.Equal(200, (await user.SendMediaAsync("image", null, "image/png")).StatusCode);
        await counselor.ExpectAsync("［画像］が届きましたが、表示できませんでした", atLeast: 2);
        // A type LINE cannot show as an image.
        Assert.Equal(200, (await user.SendMediaAsync("image", Photo(2_000), "image/gif")).StatusCode);
        await counselor.ExpectAsync("［画像］が届きましたが、表示できませんでした", atLeast: 3);

        Assert.DoesNotContain(journey.Simulator.Deliveries("staff", counselor.UserId), d => d.Message.GetProperty("type").GetString() == "image");
        Assert.Equal(0, await Sql.CountAsync(journey.Host.Services.GetRequiredService<Database>(), "SELECT count(*) FROM oc_media WHERE case_id = @case", ("case", caseId)));
    }

    [Fact]
    public async Task A_file_reaches_the_counselor_as_a_link_and_her_counselor_can_send_her_a_photo()
    {
        using var data = new TempFolder();
        await using var journey = await StartAsync(HostRunner.Embedded(data.Path));
        var herId = "Ufile" + Guid.NewGuid().ToString("N");
        var (she, counselor, caseId) = await ConnectedAsync(journey, herId);

        var paper = Photo(3_000);
        Assert.Equal(200, (await journey.Users.User("consultee", herId).SendFileAsync("診断書.pdf", paper)).StatusCode);
        var link = await counselor.ExpectAsync("［ファイル］診断書.pdf");
        var url = link.Text.Split('\n').Single(l => l.StartsWith("http", StringComparison.Ordinal));
        using var http = new HttpClient();
        using (var served = await http.GetAsync(url))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal(paper, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/octet-stream", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal("attachment", served.Content.Headers.ContentDisposition?.DispositionType);
        }

        // The other way: her counselor's picture reaches her as an image, without the case tag.
        var map = Photo(5_000);
        Assert.Equal(200, (await journey.Users.User("staff", counselor.UserId).SendMediaAsync("image", map, "image/jpeg")).StatusCode);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(
            journey.Simulator.Deliveries("consultee", herId).Any(d => d.Message.GetProperty("type").GetString() == "image")), TimeSpan.FromSeconds(10)));
        var image = journey.Simulator.Deliveries("consultee", herId).Select(d => d.Message).Last(m => m.GetProperty("type").GetString() == "image");
        Assert.Equal(map, await http.GetByteArrayAsync(image.GetProperty("originalContentUrl").GetString()));
        Assert.Equal(0, she.Count(caseId[..4]));
    }

    [Fact]
    public async Task Her_photo_is_not_readable_at_rest_and_her_erasure_deletes_it()
    {
        using var data = new TempFolder();
        var herId = "Uatrestphoto" + Guid.NewGuid().ToString("N")[..12];
        var photo = Photo(20_000);
        string original;
        await using (var journey = await StartAsync(HostRunner.Embedded(data.Path)))
        {
            var (she, counselor, caseId) = await ConnectedAsync(journey, herId);
            Assert.Equal(200, (await journey.Users.User("consultee", herId).SendMediaAsync("image", photo, "image/png")).StatusCode);
            await counselor.ExpectAsync("［画像］");
            Assert.True(await Eventually.TrueAsync(() => Task.FromResult(
                journey.Simulator.Deliveries("staff", counselor.UserId).Any(d => d.Message.GetProperty("type").GetString() == "image")), TimeSpan.FromSeconds(10)));
            original = LastImage(journey, counselor.UserId).GetProperty("originalContentUrl").GetString()!;
            using var http = new HttpClient();
            Assert.Equal(photo, await http.GetByteArrayAsync(original));

            var database = journey.Host.Services.GetRequiredService<Database>();
            Assert.Equal(1, await Sql.CountAsync(database, "SELECT count(*) FROM oc_media WHERE case_id = @case", ("case", caseId)));
            await journey.Host.StopAsync();
            // Sealed at rest: neither the photo nor any 64-byte run of it is in the database files.
            var files = Directory.GetFiles(data.Path, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(f) != "transcript-keys").ToList();
            Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
            foreach (var file in files)
            {
                var bytes = File.ReadAllBytes(file);
                for (var at = 8; at + 64 <= photo.Length; at += 4096)
                {
                    Assert.True(bytes.AsSpan().IndexOf(photo.AsSpan(at, 64)) < 0, $"{Path.GetFileName(file)} holds her photo's bytes in clear");
                }
            }
        }

        await using (var again = await StartAsync(HostRunner.Embedded(data.Path)))
        {
            var she = again.Consultee(herId);
            await she.SayAsync("相談記録の削除");
            var confirm = await she.ExpectAsync("削除しますか？");
            await she.TapAsync(confirm.Postback("削除する")!);
            await she.ExpectAsync("相談記録を削除しました");
            var database = again.Host.Services.GetRequiredService<Database>();
            Assert.Equal(0, await Sql.CountAsync(database, "SELECT count(*) FROM oc_media"));
        }
    }
}
