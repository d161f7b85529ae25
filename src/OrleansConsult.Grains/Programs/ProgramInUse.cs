using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// Which saved program version this silo's <see cref="ProgramDirectory"/> is using. A version is put in
/// use only when it is newer than the one in use, so a late or repeated message (or the safety-net check
/// racing a message) never brings an older program back.
/// </summary>
public sealed class ProgramInUse(ProgramDirectory directory)
{
    private readonly Lock _gate = new();

    /// <summary>The number of the saved version in use; 0 while the silo uses the configured file (nothing loaded from the table yet).</summary>
    public int Version { get; private set; }

    public ProgramDirectory Directory => directory;

    /// <summary>Puts <paramref name="version"/> in use if it is newer; true when it was. Throws <see cref="ProgramConfigurationException"/> for a version that does not load.</summary>
    public bool Apply(ProgramVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Number <= Version)
        {
            return false;
        }
        var program = ProgramConfigurationLoader.FromJson(version.Json);
        lock (_gate)
        {
            if (version.Number <= Version)
            {
                return false;
            }
            directory.Use(program);
            Version = version.Number;
            return true;
        }
    }
}
