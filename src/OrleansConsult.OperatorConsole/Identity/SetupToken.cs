namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>
/// A one-time setup link's token: stored only as its SHA-256 hash, single use, expiring.
/// The person sets her password and registers her authenticator with it.
/// </summary>
public sealed class SetupToken
{
    /// <summary>Hex SHA-256 of the token in the link.</summary>
    public string Hash { get; set; } = "";

    public string UserId { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
