namespace OrleansConsult.Grains.Enrollment;

/// <summary>
/// "Enrollment" settings: how long an invitation stays valid, and the staff account's LINE basic
/// id (Line:Channels:{staff channel}:BasicId, e.g. @123abcde) for the line.me link.
/// </summary>
public sealed record InvitationOptions(TimeSpan Lifetime, string? StaffBasicId)
{
    public const string LifetimeSetting = "Enrollment:InvitationLifetime";

    public static TimeSpan DefaultLifetime { get; } = TimeSpan.FromHours(72);

    /// <summary>Opens the staff account's chat with the code typed in: she only taps send.</summary>
    public string? LinkFor(string code) => StaffBasicId is { Length: > 0 } basicId
        ? $"https://line.me/R/oaMessage/{Uri.EscapeDataString(basicId)}/?{Uri.EscapeDataString(code)}"
        : null;
}
