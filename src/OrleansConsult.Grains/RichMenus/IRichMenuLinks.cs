namespace OrleansConsult.Grains.RichMenus;

/// <summary>Per-user menus on LINE (the Host implements it). Best effort: a failure is logged and reported as false.</summary>
public interface IRichMenuLinks
{
    Task<bool> LinkAsync(string channel, string userId, string richMenuId);

    Task<bool> UnlinkAsync(string channel, string userId);
}
