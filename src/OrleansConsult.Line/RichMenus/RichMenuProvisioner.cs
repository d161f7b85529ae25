using Microsoft.Extensions.Logging;

namespace OrleansConsult.Line.RichMenus;

/// <summary>
/// Makes sure one layout's menu exists on a channel, idempotently: found by its name (which carries
/// the content hash), else created and its image uploaded; a copy left without its image by an
/// interrupted start gets it now; extra copies and older versions of the same layout are deleted.
/// Callers run it one at a time per channel (the Host does so through one grain for the cluster).
/// </summary>
public sealed partial class RichMenuProvisioner(LinePlatformClient client, ILogger<RichMenuProvisioner> logger)
{
    public async Task<RichMenuProvisioned> EnsureAsync(
        string channel, RichMenuLayout layout, Func<byte[]> drawPng, bool asDefault, CancellationToken cancellationToken = default)
    {
        var menus = await client.ListRichMenusAsync(channel, cancellationToken);
        var copies = menus.Where(m => m.Name == layout.Name).Select(m => m.RichMenuId).ToList();
        string? keep = null;
        foreach (var id in copies)
        {
            if (await client.HasRichMenuImageAsync(channel, id, cancellationToken))
            {
                keep = id;
                break;
            }
        }
        var created = false;
        if (keep is null)
        {
            keep = copies.FirstOrDefault();
            if (keep is null)
            {
                keep = await client.CreateRichMenuAsync(channel, layout.ToRequest(), cancellationToken);
                created = true;
            }
            await client.UploadRichMenuImageAsync(channel, keep, drawPng(), "image/png", cancellationToken);
        }

        var duplicates = copies.Where(id => id != keep).ToList();
        foreach (var id in duplicates)
        {
            await client.DeleteRichMenuAsync(channel, id, cancellationToken);
        }
        if (asDefault && await client.GetDefaultRichMenuAsync(channel, cancellationToken) != keep)
        {
            await client.SetDefaultRichMenuAsync(channel, keep, cancellationToken);
        }
        await client.SetRichMenuAliasAsync(channel, layout.NameStem.TrimEnd('-'), keep, cancellationToken);

        // Older versions of this layout (other hash): users linked to them fall back to the default,
        // and staff are linked to the new one at their next message.
        var older = menus.Where(m => m.Name is { } name && name.StartsWith(layout.NameStem, StringComparison.Ordinal) && name != layout.Name).ToList();
        foreach (var menu in older)
        {
            await client.DeleteRichMenuAsync(channel, menu.RichMenuId, cancellationToken);
        }
        if (created || duplicates.Count > 0 || older.Count > 0)
        {
            LogChanged(logger, layout.Key, channel, keep, created, duplicates.Count, older.Count);
        }
        else
        {
            LogFound(logger, layout.Key, channel, keep);
        }
        return new RichMenuProvisioned(keep, created, duplicates.Count, older.Count);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Rich menu {Layout} on {Channel}: {RichMenuId}, already there")]
    private static partial void LogFound(ILogger logger, string layout, string channel, string richMenuId);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Rich menu {Layout} on {Channel}: {RichMenuId} (created: {Created}, duplicates deleted: {Duplicates}, older versions deleted: {Older})")]
    private static partial void LogChanged(ILogger logger, string layout, string channel, string richMenuId, bool created, int duplicates, int older);
}
