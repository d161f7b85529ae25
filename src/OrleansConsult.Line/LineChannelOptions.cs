namespace OrleansConsult.Line;

/// <summary>One LINE channel (official account): "Line:Channels:{name}".</summary>
public sealed class LineChannelOptions
{
    public string Secret { get; set; } = "";
    public string AccessToken { get; set; } = "";

    /// <summary>Bound from "consultee" / "staff"; null when missing (the validator says so).</summary>
    public LineChannelRole? Role { get; set; }

    /// <summary>The account's basic id (@123abcde), for line.me links such as staff invitations; optional.</summary>
    public string? BasicId { get; set; }

    /// <summary>
    /// The month's message budget to warn against when LINE reports no limit of its own (a plan
    /// without a cap still costs per message); with a limited plan LINE's figure is used. Optional.
    /// </summary>
    public long? MonthlyQuota { get; set; }
}
