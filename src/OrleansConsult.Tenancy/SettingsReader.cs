using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace OrleansConsult.Tenancy;

/// <summary>
/// Reads typed values from configuration sections. Never throws: a bad value is recorded as
/// one line naming the section path, and a fallback is returned so reading can go on and
/// report every problem at once.
/// </summary>
internal sealed partial class SettingsReader
{
    public List<string> Errors { get; } = [];

    public void Error(IConfigurationSection section, string problem) => Errors.Add($"{section.Path} {problem}");

    public string Required(IConfigurationSection parent, string key)
    {
        var section = parent.GetSection(key);
        if (string.IsNullOrWhiteSpace(section.Value))
        {
            Error(section, "is required");
            return "";
        }
        return section.Value.Trim();
    }

    public string? Optional(IConfigurationSection parent, string key)
    {
        var value = parent.GetSection(key).Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    public bool Bool(IConfigurationSection parent, string key, bool fallback)
    {
        var section = parent.GetSection(key);
        if (string.IsNullOrWhiteSpace(section.Value)) return fallback;
        if (bool.TryParse(section.Value, out var value)) return value;
        Error(section, "is not true or false");
        return fallback;
    }

    public int Int(IConfigurationSection parent, string key, int fallback, int min)
    {
        var section = parent.GetSection(key);
        if (string.IsNullOrWhiteSpace(section.Value)) return fallback;
        if (int.TryParse(section.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min)
            return value;
        Error(section, $"is not a whole number of at least {min}");
        return fallback;
    }

    public TimeSpan Duration(IConfigurationSection parent, string key, TimeSpan fallback)
    {
        var section = parent.GetSection(key);
        if (string.IsNullOrWhiteSpace(section.Value)) return fallback;
        if (TimeSpan.TryParse(section.Value, CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero)
            return value;
        Error(section, "is not a positive duration ([d.]hh:mm:ss, e.g. 00:03:00)");
        return fallback;
    }

    /// <summary>A local time of day "H:mm"; 24:00 is allowed so a window can run to midnight.</summary>
    public TimeSpan Time(IConfigurationSection parent, string key)
    {
        var section = parent.GetSection(key);
        var match = TimePattern().Match(section.Value ?? "");
        if (match.Success)
        {
            var hours = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            var minutes = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
            if (minutes < 60 && (hours < 24 || (hours == 24 && minutes == 0)))
                return new TimeSpan(hours, minutes, 0);
        }
        Error(section, "is not a time (HH:mm)");
        return TimeSpan.Zero;
    }

    public DateOnly? Date(IConfigurationSection section)
    {
        if (DateOnly.TryParseExact(section.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        Error(section, "is not a date (yyyy-MM-dd)");
        return null;
    }

    public T Enum<T>(IConfigurationSection parent, string key, T? fallback) where T : struct, Enum
    {
        var section = parent.GetSection(key);
        if (string.IsNullOrWhiteSpace(section.Value) && fallback is { } value) return value;
        if (System.Enum.TryParse<T>(section.Value, ignoreCase: true, out var parsed) && System.Enum.IsDefined(parsed)
            && !int.TryParse(section.Value, out _))
            return parsed;
        Error(section, $"is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
        return fallback ?? default;
    }

    /// <summary>Day names as people write them: Tue, Tuesday, 火, 火曜, 火曜日.</summary>
    public DayOfWeek? Day(IConfigurationSection section)
    {
        var text = (section.Value ?? "").Trim();
        const string kanji = "日月火水木金土";
        if (text.Length > 0 && kanji.Contains(text[0]) && (text.Length == 1 || text[1..] is "曜" or "曜日"))
            return (DayOfWeek)kanji.IndexOf(text[0]);
        foreach (var day in System.Enum.GetValues<DayOfWeek>())
        {
            var name = day.ToString();
            if (text.Equals(name, StringComparison.OrdinalIgnoreCase) || text.Equals(name[..3], StringComparison.OrdinalIgnoreCase))
                return day;
        }
        Error(section, "is not a day of the week (Mon…Sun or 月…日)");
        return null;
    }

    /// <summary>A list written as a JSON array (or a single value).</summary>
    public IReadOnlyList<string> Strings(IConfigurationSection parent, string key)
    {
        var section = parent.GetSection(key);
        if (!string.IsNullOrWhiteSpace(section.Value)) return [section.Value.Trim()];
        return section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(s => s.Length > 0).ToList();
    }

    public static IEnumerable<IConfigurationSection> Items(IConfigurationSection parent, string key) =>
        parent.GetSection(key).GetChildren();

    [GeneratedRegex(@"^\s*(\d{1,2}):(\d{2})\s*$")]
    private static partial Regex TimePattern();
}
