using Microsoft.Extensions.DependencyInjection;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.RichMenus;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The staff menu (出勤, 休憩, 退勤, 一覧, 定型, SV) is linked to her LINE user while she is enrolled:
/// at enrollment, and again at her next message when the menu changed or an earlier link failed;
/// it is unlinked when she leaves or her binding ends. The staff account has no default menu.
/// </summary>
public sealed partial class StaffLineUserGrain : IStaffRichMenuLink
{
    /// <summary>The menu linked to her by this activation; null: not known to be linked.</summary>
    private string? _linkedMenu;

    private async Task EnsureStaffMenuAsync()
    {
        if (State.State.CounselorId is null || State.State.UserId is null || ServiceProvider.GetService<IRichMenuLinks>() is not { } links)
        {
            return;
        }
        var menu = await GrainFactory.GetGrain<IRichMenuGrain>(Channel).GetAsync();
        if (menu is not null && menu != _linkedMenu && await links.LinkAsync(Channel, LineUserId, menu))
        {
            _linkedMenu = menu;
        }
    }

    private async Task UnlinkStaffMenuAsync()
    {
        if (State.State.UserId is null || ServiceProvider.GetService<IRichMenuLinks>() is not { } links)
        {
            return;
        }
        await links.UnlinkAsync(Channel, LineUserId);
        _linkedMenu = null;
    }

    public Task UnlinkRichMenuAsync() => UnlinkStaffMenuAsync();
}
