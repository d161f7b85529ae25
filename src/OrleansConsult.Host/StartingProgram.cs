using System.Data.Common;
using OrleansConsult.Storage;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// The program a Host or command starts with, before the silo runs. With Program:File (or a Program section)
/// configured: that program, and the file is imported if the table is empty. Without it: the newest version
/// saved in the database (the console's edits), so a cluster that has versions needs no file at all; an empty
/// database without a file is a configuration error that says what to set.
/// </summary>
public static class StartingProgram
{
    public static (ProgramConfiguration Program, ProgramImportSource Import) Load(IConfiguration configuration, string contentRoot, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (ProgramSettings.IsConfigured(configuration, contentRoot))
        {
            return (ProgramSettings.Load(configuration, contentRoot), ProgramSettings.ImportSource(configuration, contentRoot));
        }
        var saved = NewestSaved(storage) ?? throw new HostConfigurationException(
            "Program:File (a JSON file of tenants, nurse pools and crisis words) is required while the database has no saved program version; "
            + "see src/OrleansConsult.Tenancy/Samples/program.sample.json.");
        return (ProgramConfigurationLoader.FromJson(saved.Json), ProgramImportSource.Nothing);
    }

    private static Abstractions.ProgramVersion? NewestSaved(StorageOptions storage)
    {
        try
        {
            // Configuration is read synchronously before the host is built; one query, once.
            return new SqlProgramVersionStore(new Database(storage)).CurrentAsync().GetAwaiter().GetResult();
        }
        catch (DbException)
        {
            // No program table yet (an unmigrated database): nothing saved.
            return null;
        }
    }
}
