using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.RichMenus;
using OrleansConsult.Line.Sending;
using OrleansConsult.LineSimulator;
using SkiaSharp;

namespace OrleansConsult.Line.Tests;

/// <summary>Rich menus and the quota through the platform client, over real HTTP against the simulator.</summary>
public sealed class RichMenuApiTests : IAsyncLifetime
{
    private SimulatorHost _host = null!;
    private ServiceProvider _services = null!;
    private SKTypeface _font = null!;

    private LinePlatformClient Client => _services.GetRequiredService<LinePlatformClient>();
    private RichMenuProvisioner Provisioner => _services.GetRequiredService<RichMenuProvisioner>();
    private SimulatedRichMenus Menus => _host.Simulator.RichMenus;

    public async Task InitializeAsync()
    {
        _host = await SimulatorHost.StartAsync(o =>
        {
            o.AddDevelopmentChannels();
            o.Channels["consultee"].MonthlyQuota = 3;
        });
        _services = _host.LineServices(settings: new Dictionary<string, string?> { ["Line:DataApiBaseUrl"] = _host.Url.ToString() });
        _font = RichMenuFont.Load(null);
    }

    public async Task DisposeAsync()
    {
        _font.Dispose();
        await _services.DisposeAsync();
        await _host.DisposeAsync();
    }

    private Task<RichMenuProvisioned> EnsureAsync(RichMenuLayout layout, bool asDefault = true) =>
        Provisioner.EnsureAsync("consultee", layout, () => RichMenuImage.RenderPng(layout, _font), asDefault);

    [Fact]
    public async Task Making_sure_twice_creates_one_menu_with_its_image_as_the_default_and_alias()
    {
        var layout = RichMenuImageTests.Sample();
        var first = await EnsureAsync(layout);
        var again = await EnsureAsync(layout);

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Equal(first.RichMenuId, again.RichMenuId);
        Assert.Equal(1, Menus.Created);
        var menu = Assert.Single(Menus.List("consultee"));
        Assert.Equal(layout.Name, menu.Menu.Name);
        Assert.Equal(first.RichMenuId, Menus.DefaultOf("consultee"));
        Assert.Equal(first.RichMenuId, Menus.AliasOf("consultee", "oc-test"));
        Assert.Equal(await Client.GetDefaultRichMenuAsync("consultee"), first.RichMenuId);
        // Every user without a menu of her own sees it, with its picture.
        var view = Menus.ViewFor("consultee", "Uanyone");
        Assert.NotNull(view);
        Assert.True(view.HasImage);
        Assert.False(view.Linked);
        Assert.Equal(5, view.Areas.Count);
    }

    [Fact]
    public async Task A_start_cut_short_after_creating_gets_its_image_and_copies_are_cleaned_away()
    {
        var layout = RichMenuImageTests.Sample();
        // An earlier start created the menu (twice, a retried create) and died before the image.
        var half = await Client.CreateRichMenuAsync("consultee", layout.ToRequest());
        var copy = await Client.CreateRichMenuAsync("consultee", layout.ToRequest());

        var made = await EnsureAsync(layout);

        Assert.False(made.Created);
        Assert.Equal(half, made.RichMenuId);
        Assert.Equal(1, made.DuplicatesDeleted);
        Assert.True(await Client.HasRichMenuImageAsync("consultee", half));
        Assert.Null(Menus.Find("consultee", copy));
        Assert.Equal(2, Menus.Created);
    }

    [Fact]
    public async Task A_changed_menu_replaces_the_older_version_and_leaves_others_menus_alone()
    {
        var handMade = await Client.CreateRichMenuAsync("consultee", RichMenuImageTests.Sample().ToRequest() with { Name = "made-in-the-account-manager" });
        var old = await EnsureAsync(RichMenuImageTests.Sample());
        var changed = await EnsureAsync(RichMenuImageTests.Sample("相談したい"));

        Assert.True(changed.Created);
        Assert.Equal(1, changed.OlderVersionsDeleted);
        Assert.Null(Menus.Find("consultee", old.RichMenuId));
        Assert.NotNull(Menus.Find("consultee", handMade));
        Assert.Equal(changed.RichMenuId, Menus.DefaultOf("consultee"));
        Assert.Equal(changed.RichMenuId, Menus.AliasOf("consultee", "oc-test"));
    }

    [Fact]
    public async Task A_menu_linked_to_one_user_shows_on_her_phone_until_unlinked()
    {
        var staffLayout = RichMenuImageTests.Sample() with { Key = "staff" };
        var made = await Provisioner.EnsureAsync("staff", staffLayout, () => RichMenuImage.RenderPng(staffLayout, _font), asDefault: false);
        Assert.Null(Menus.DefaultOf("staff"));
        Assert.Null(Menus.ViewFor("staff", "Ucounselor"));

        await Client.LinkRichMenuAsync("staff", "Ucounselor", made.RichMenuId);
        Assert.True(Menus.ViewFor("staff", "Ucounselor")?.Linked);
        Assert.Null(Menus.ViewFor("staff", "Uother"));

        await Client.UnlinkRichMenuAsync("staff", "Ucounselor");
        Assert.Null(Menus.ViewFor("staff", "Ucounselor"));
    }

    [Fact]
    public async Task Lines_refusals_arrive_as_api_errors()
    {
        var layout = RichMenuImageTests.Sample();
        var id = await Client.CreateRichMenuAsync("consultee", layout.ToRequest());
        // No image yet: it cannot be the default.
        Assert.Equal(400, (await Assert.ThrowsAsync<LineApiException>(() => Client.SetDefaultRichMenuAsync("consultee", id))).StatusCode);
        // A picture of the wrong size is refused.
        var wrong = RichMenuImage.RenderPng(layout with { Size = RichMenuSize.Half, Rows = 1, Buttons = [layout.Buttons[1]] }, _font);
        Assert.Equal(400, (await Assert.ThrowsAsync<LineApiException>(() => Client.UploadRichMenuImageAsync("consultee", id, wrong, "image/png"))).StatusCode);
        Assert.Equal(404, (await Assert.ThrowsAsync<LineApiException>(() => Client.LinkRichMenuAsync("consultee", "U1", "richmenu-unknown"))).StatusCode);
    }

    [Fact]
    public async Task The_quota_counts_pushes_not_replies_and_a_push_past_it_is_refused_as_the_monthly_limit()
    {
        var sender = _services.GetRequiredService<LineSender>();
        var user = _host.Webhooks.User("consultee", "Uquota");
        var follow = user.FollowEvent();
        var replied = await sender.SendAsync("consultee", "Uquota", [new TextMessage("こんにちは")],
            new ReplyTokenSlot(follow.ReplyToken!, DateTimeOffset.UtcNow), Guid.NewGuid());
        Assert.Equal(SendPath.Reply, replied.Path);
        for (var i = 0; i < 3; i++)
        {
            // Two message objects in one push count once.
            await sender.SendAsync("consultee", "Uquota", [new TextMessage($"お知らせ{i}"), new TextMessage("続き")], null, Guid.NewGuid());
        }

        var quota = await Client.GetQuotaAsync("consultee");
        Assert.Equal(("limited", 3L), (quota.Type, quota.Value));
        Assert.Equal(3, await Client.GetQuotaConsumptionAsync("consultee"));
        Assert.Equal("none", (await Client.GetQuotaAsync("staff")).Type);
        Assert.Equal(0, await Client.GetQuotaConsumptionAsync("staff"));
        await Assert.ThrowsAsync<LineMonthlyLimitException>(() =>
            sender.SendAsync("consultee", "Uquota", [new TextMessage("もう一通")], null, Guid.NewGuid()));
    }

    [Fact]
    public void A_user_id_in_a_link_path_never_reaches_the_logs()
    {
        Assert.Equal("/v2/bot/user/…/richmenu/richmenu-1", LineAttemptHandler.RedactedPath(new Uri("https://api.line.me/v2/bot/user/U0123456789abcdef/richmenu/richmenu-1")));
        Assert.Equal("/v2/bot/user/…/richmenu", LineAttemptHandler.RedactedPath(new Uri("https://api.line.me/v2/bot/user/U0123/richmenu")));
        Assert.Equal("/v2/bot/user/all/richmenu/x", LineAttemptHandler.RedactedPath(new Uri("https://api.line.me/v2/bot/user/all/richmenu/x")));
        Assert.Equal("/v2/bot/message/push", LineAttemptHandler.RedactedPath(new Uri("https://api.line.me/v2/bot/message/push")));
    }
}
