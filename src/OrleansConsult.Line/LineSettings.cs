using Microsoft.Extensions.Configuration;

namespace OrleansConsult.Line;

/// <summary>Reads and validates the "Line" section up front; a bad setting is one line naming it.</summary>
public static class LineSettings
{
    public static LineOptions Load(IConfiguration configuration)
    {
        var options = new LineOptions();
        Bind(configuration.GetSection(LineOptions.Section), options);
        var failure = LineOptionsValidator.Failures(options).FirstOrDefault();
        return failure is null ? options : throw new LineConfigurationException(failure);
    }

    /// <summary>Binds the section; a value of the wrong kind (e.g. Role "nurse") names its path.</summary>
    public static void Bind(IConfiguration section, LineOptions options)
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new LineConfigurationException(ex.Message);
        }
        // The binder is lenient with enums; the role decides who a channel talks to, so be strict.
        foreach (var channel in section.GetSection("Channels").GetChildren())
        {
            var role = channel["Role"];
            if (!string.IsNullOrEmpty(role) && !role.Equals("consultee", StringComparison.OrdinalIgnoreCase) && !role.Equals("staff", StringComparison.OrdinalIgnoreCase))
            {
                throw new LineConfigurationException($"{LineOptions.Section}:Channels:{channel.Key}:Role must be 'consultee' or 'staff'");
            }
        }
    }
}
