namespace OrleansConsult.Host.Commands;

/// <summary>
/// A command's arguments: positional words, its own options (--out path), and settings
/// (--Storage:Mode=PostgreSQL or --Storage:Mode PostgreSQL) passed on to configuration as for the Host.
/// </summary>
public sealed record CommandLine(IReadOnlyList<string> Words, IReadOnlyDictionary<string, string> Options, string[] Settings)
{
    public static CommandLine Parse(IReadOnlyList<string> args, params string[] options)
    {
        var words = new List<string>();
        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith('-'))
            {
                words.Add(arg);
                continue;
            }
            var name = arg.TrimStart('-');
            var equals = name.IndexOf('=');
            var key = equals < 0 ? name : name[..equals];
            string? value = equals < 0 ? null : name[(equals + 1)..];
            if (value is null && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
            {
                value = args[++i];
            }
            if (options.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                own[key] = value ?? "";
            }
            else
            {
                settings.Add($"--{key}={value}");
            }
        }
        return new CommandLine(words, own, [.. settings]);
    }

    public string? Option(string name) => Options.TryGetValue(name, out var value) ? value : null;
}
