namespace OrleansConsult.OperatorConsole.Accounts;

/// <summary>An account created (or re-invited) and its one-time setup link.</summary>
public sealed record AccountInvitation(string UserId, string Email, string Role, string Scope, string SetupLink, DateTimeOffset ExpiresAt);
