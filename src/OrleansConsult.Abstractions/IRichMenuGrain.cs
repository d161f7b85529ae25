namespace OrleansConsult.Abstractions;

/// <summary>
/// The rich menu of one LINE channel (key: the channel name). One activation in the cluster, calls
/// one at a time: pods starting together make sure of the menu one after the other, so LINE never
/// gets two copies.
/// </summary>
[Alias("oc.IRichMenuGrain")]
public interface IRichMenuGrain : IGrainWithStringKey
{
    /// <summary>Makes sure the menu is on LINE (finds it, or creates and draws it) and returns its id; null when the channel has none (off, no font, LINE failing).</summary>
    [Alias("Ensure")]
    Task<string?> EnsureAsync();

    /// <summary>The id if already made sure of; otherwise null at once, and it is made sure of in the background.</summary>
    [Alias("Get")]
    Task<string?> GetAsync();
}
