using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Grains.RichMenus;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Line.RichMenus;
using OrleansConsult.LineSimulator;
using OrleansConsult.Tests.Infrastructure;
using SkiaSharp;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// The rich menus through the simulator: made at start (once, whatever restarts), the consultee menu
/// the account's default, the staff menu linked to each enrolled staff member and taken away when her
/// binding ends; a tap on each area is answered like the typed text.
/// </summary>
public sealed class RichMenuJourneyTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    private static async Task<RichMenuView> MenuOfAsync(JourneyHost journey, string channel, string userId)
    {
        RichMenuView? view = null;
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult((view = journey.Simulator.RichMenus.ViewFor(channel, userId)) is { HasImage: true }),
            TimeSpan.FromSeconds(30)), $"no rich menu on the {channel} phone");
        return view!;
    }

    /// <summary>What LINE does on a tap: the area's message action arrives as her own text.</summary>
    private static Task TapAsync(Phone phone, RichMenuView menu, string label) =>
        phone.SayAsync(menu.Areas.Single(a => a.Action.Label == label).Action.Text!);

    [Fact]
    public async Task The_consultee_menu_is_the_default_drawn_at_its_size_and_each_tap_is_answered()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var counselor = await journey.OnShiftAsync("Ustaff-menu-" + suffix, Sakura);
        var she = await journey.ReadyConsulteeAsync("Umenu" + suffix, "高岡市");

        var menu = await MenuOfAsync(journey, "consultee", she.UserId);
        Assert.False(menu.Linked);
        Assert.Equal(journey.Simulator.RichMenus.DefaultOf("consultee"), menu.RichMenuId);
        Assert.Equal(BotText.Get("RichMenu.ConsulteeBar"), menu.ChatBarText);
        using (var picture = SKBitmap.Decode(journey.Simulator.RichMenus.Find("consultee", menu.RichMenuId)!.Image))
        {
            Assert.Equal((2500, 1686), (picture.Width, picture.Height));
        }
        Assert.Equal(["相談する", "電話で相談", "緊急のとき", "よくある質問", "相談記録の削除"], menu.Areas.Select(a => a.Action.Label));

        await TapAsync(she, menu, "よくある質問");
        await she.ExpectAsync(BotText.Get("FaqIntro"));
        await TapAsync(she, menu, "電話で相談");
        await she.ExpectAsync(BotText.Get("PhoneIntro"));
        await TapAsync(she, menu, "緊急のとき");
        await she.ExpectAsync(BotText.Get("EmergencyTitle"));
        await TapAsync(she, menu, "相談記録の削除");
        await she.ExpectAsync(BotText.Get("Erasure.Confirm")[..20]);
        await TapAsync(she, menu, "相談する");
        await she.ExpectAsync("相談員におつなぎしています");
        await counselor.ExpectAsync("新しい相談があります");

        // The staff account has no default: only enrolled staff get its menu.
        Assert.Null(journey.Simulator.RichMenus.DefaultOf("staff"));
        Assert.Null(journey.Simulator.RichMenus.ViewFor("staff", "Ustranger" + suffix));

        // Another start (a pod restart, a second pod) finds the same menus: nothing new on LINE.
        var created = journey.Simulator.RichMenus.Created;
        var provisioning = journey.Host.Services.GetRequiredService<IRichMenuProvisioning>();
        Assert.Equal(menu.RichMenuId, await provisioning.ProvisionAsync("consultee", CancellationToken.None));
        var ids = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => journey.Grains.GetGrain<IRichMenuGrain>("consultee").EnsureAsync()));
        Assert.All(ids, id => Assert.Equal(menu.RichMenuId, id));
        Assert.Equal(created, journey.Simulator.RichMenus.Created);
        Assert.Equal(2, journey.Simulator.RichMenus.Created);
        Assert.Single(journey.Simulator.RichMenus.List("consultee"));
    }

    [Fact]
    public async Task An_enrolled_staff_member_gets_the_staff_menu_whose_taps_are_her_commands_until_her_binding_ends()
    {
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10));
        var userId = "Ustaff-menu2-" + Guid.NewGuid().ToString("N")[..8];
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(journey.Simulator.RichMenus.List("staff").Count == 1), TimeSpan.FromSeconds(30)),
            "the staff menu was not made at start");
        Assert.Null(journey.Simulator.RichMenus.ViewFor("staff", userId));

        var counselor = await journey.OnShiftAsync(userId, Sakura);
        var menu = await MenuOfAsync(journey, "staff", userId);
        Assert.True(menu.Linked);
        Assert.Equal(["出勤", "休憩", "退勤", "一覧", "定型文", "SV"], menu.Areas.Select(a => a.Action.Label));

        await TapAsync(counselor, menu, "休憩");
        await counselor.ExpectAsync(BotText.Format("Staff.PresenceSet", "休憩"));
        await TapAsync(counselor, menu, "一覧");
        await counselor.ExpectAsync(BotText.Get("Staff.ListEmpty"));
        await TapAsync(counselor, menu, "出勤");
        await counselor.ExpectAsync(BotText.Format("Staff.PresenceSet", "出勤"), atLeast: 2);

        // An operator ends her binding: the menu goes at once, not at her next message.
        var result = await journey.Host.Services.GetRequiredService<StaffBindings>().UnbindAsync("toyama", "tym-c01");
        Assert.True(result.WasBound);
        Assert.Null(journey.Simulator.RichMenus.ViewFor("staff", userId));
    }
}
