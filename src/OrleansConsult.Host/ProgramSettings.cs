using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// The program configuration (tenants, nurse pools, crisis words) comes from a JSON file named by
/// Program:File or from the Program section itself; until the operator console edits it, this is
/// where a municipality's hours, phones and counselors live.
/// </summary>
public static class ProgramSettings
{
    public static ProgramConfiguration Load(IConfiguration configuration, string contentRoot)
    {
        if (FilePath(configuration, contentRoot) is { } path)
        {
            return ProgramConfigurationLoader.FromFile(path);
        }

        var section = configuration.GetSection(ProgramConfigurationLoader.SectionName);
        if (!section.GetSection("Tenants").Exists())
        {
            throw new HostConfigurationException(
                "Program:File (a JSON file of tenants, nurse pools and crisis words) or a Program:Tenants section is required; see src/OrleansConsult.Tenancy/Samples/program.sample.json.");
        }
        return ProgramConfigurationLoader.FromConfiguration(section);
    }

    /// <summary>The program file named by Program:File, resolved; null when the program is an inline section.</summary>
    public static string? FilePath(IConfiguration configuration, string contentRoot)
    {
        var file = configuration["Program:File"];
        if (string.IsNullOrWhiteSpace(file))
        {
            return null;
        }
        return Resolve(file, contentRoot) ?? throw new HostConfigurationException($"Program:File '{file}' does not exist.");
    }

    private static string? Resolve(string file, string contentRoot)
    {
        if (Path.IsPathRooted(file))
        {
            return File.Exists(file) ? file : null;
        }
        return new[] { contentRoot, AppContext.BaseDirectory, Directory.GetCurrentDirectory() }
            .Select(root => Path.Combine(root, file))
            .FirstOrDefault(File.Exists);
    }
}
