using Microsoft.Extensions.Options;
using OrleansConsult.Grains.RichMenus;
using OrleansConsult.Line;
using OrleansConsult.Line.RichMenus;
using SkiaSharp;

namespace OrleansConsult.Host.RichMenus;

/// <summary>
/// Draws a channel's menu with the configured CJK font and makes sure of it on LINE: the consultee
/// account's menu is its default; the staff account's is linked per enrolled staff member. Without
/// a font it says so once, loudly, and the channels go without menus.
/// </summary>
public sealed partial class RichMenuProvisioning(
    RichMenuProvisioner provisioner, IOptionsMonitor<LineOptions> options, ILogger<RichMenuProvisioning> logger) : IRichMenuProvisioning
{
    private readonly Lazy<SKTypeface?> _font = new(() => LoadFont(options.CurrentValue.RichMenus.FontPath, logger));

    public async Task<string?> ProvisionAsync(string channel, CancellationToken cancellationToken)
    {
        var line = options.CurrentValue;
        if (!line.RichMenus.Enabled || !line.Channels.TryGetValue(channel, out var settings) || settings.Role is not { } role)
        {
            return null;
        }
        if (_font.Value is not { } font)
        {
            return null;
        }
        var layout = RichMenuLayouts.For(role);
        var made = await provisioner.EnsureAsync(channel, layout, () => RichMenuImage.RenderPng(layout, font),
            asDefault: role == LineChannelRole.Consultee, cancellationToken);
        return made.RichMenuId;
    }

    private static SKTypeface? LoadFont(string? path, ILogger logger)
    {
        try
        {
            return RichMenuFont.Load(path);
        }
        catch (RichMenuFontMissingException ex)
        {
            LogNoFont(logger, ex.Message);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rich menus are not created: {Reason}")]
    private static partial void LogNoFont(ILogger logger, string reason);
}
