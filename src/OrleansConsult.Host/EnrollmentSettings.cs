using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Line;

namespace OrleansConsult.Host;

/// <summary>
/// How staff enroll: by one-time invitation always; by the program file's codes only in
/// Development (the samples' codes are public, in the repository).
/// </summary>
public static class EnrollmentSettings
{
    public static EnrollmentPolicy Policy(IHostEnvironment environment) => new(environment.IsDevelopment());

    /// <summary>Enrollment:InvitationLifetime (default 72 h) and the staff channel's Line:Channels:{name}:BasicId.</summary>
    public static InvitationOptions Load(IConfiguration configuration)
    {
        var lifetime = InvitationOptions.DefaultLifetime;
        if (configuration[InvitationOptions.LifetimeSetting] is { Length: > 0 } text
            && (!TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out lifetime) || lifetime <= TimeSpan.Zero))
        {
            throw new HostConfigurationException($"{InvitationOptions.LifetimeSetting} must be a positive duration such as 72:00:00 or 3.00:00:00, not '{text}'.");
        }
        var line = new LineOptions();
        LineSettings.Bind(configuration.GetSection(LineOptions.Section), line);
        var staff = line.Channels.Values.FirstOrDefault(c => c.Role == LineChannelRole.Staff);
        return new InvitationOptions(lifetime, string.IsNullOrWhiteSpace(staff?.BasicId) ? null : staff.BasicId.Trim());
    }

    /// <summary>The setting an operator is told to set when the link cannot be made.</summary>
    public static string BasicIdSetting(IConfiguration configuration)
    {
        var line = new LineOptions();
        LineSettings.Bind(configuration.GetSection(LineOptions.Section), line);
        var name = line.Channels.FirstOrDefault(c => c.Value.Role == LineChannelRole.Staff).Key ?? "{staff channel}";
        return $"Line:Channels:{name}:BasicId";
    }
}
