namespace OrleansConsult.Grains.RichMenus;

/// <summary>
/// Draws a channel's menu and makes sure of it on LINE (the Host implements it). Returns the menu id,
/// or null when the channel gets no menu (menus off, no font); throws when LINE fails.
/// </summary>
public interface IRichMenuProvisioning
{
    Task<string?> ProvisionAsync(string channel, CancellationToken cancellationToken);
}
