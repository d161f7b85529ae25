using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Host;

/// <summary>
/// The configured program (tenants, nurse pools, crisis words): a JSON file named by Program:File or the
/// Program section itself. It is imported into the program table when that is empty; after that the
/// database is the truth (edited in the console) and the file is an import and export format.
/// </summary>
public static class ProgramSettings
{
    private static readonly HashSet<string> HostKeys = new(StringComparer.OrdinalIgnoreCase) { "File", "VersionCheckInterval", "ReloadInterval" };

    /// <summary>Whether a program is configured at all (Program:File or a Program:Tenants section); without one the Host uses the database's newest version.</summary>
    public static bool IsConfigured(IConfiguration configuration, string contentRoot) =>
        FilePath(configuration, contentRoot) is not null || configuration.GetSection(ProgramConfigurationLoader.SectionName).GetSection("Tenants").Exists();

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

    /// <summary>The configured program as JSON for the first import: the file's own text (comments kept), or the section.</summary>
    public static ProgramImportSource ImportSource(IConfiguration configuration, string contentRoot)
    {
        if (FilePath(configuration, contentRoot) is { } path)
        {
            return new ProgramImportSource(File.ReadAllText(path), Path.GetFileName(path));
        }
        var program = new JsonObject { [ProgramConfigurationLoader.SectionName] = ToJson(configuration.GetSection(ProgramConfigurationLoader.SectionName)) };
        return new ProgramImportSource(program.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
            "設定の Program セクション");
    }

    /// <summary>A configuration section as JSON: numbered children (0, 1, …) become arrays, values stay strings (the loader reads them so).</summary>
    private static JsonNode? ToJson(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return section.Value is { } value ? JsonValue.Create(value) : null;
        }
        if (children.Select((c, i) => c.Key == i.ToString(System.Globalization.CultureInfo.InvariantCulture)).All(x => x)
            && children.Count == children.Select(c => c.Key).Distinct().Count())
        {
            return new JsonArray(children.OrderBy(c => int.Parse(c.Key, System.Globalization.CultureInfo.InvariantCulture)).Select(ToJson).ToArray());
        }
        var obj = new JsonObject();
        // The Host's own settings under Program (File, VersionCheckInterval) are not part of the program.
        foreach (var child in children.Where(c => section.Path != ProgramConfigurationLoader.SectionName || !HostKeys.Contains(c.Key)))
        {
            obj[child.Key] = ToJson(child);
        }
        return obj;
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
