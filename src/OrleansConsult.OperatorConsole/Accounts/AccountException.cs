namespace OrleansConsult.OperatorConsole.Accounts;

/// <summary>An account change refused, with the reason in Japanese for the page (and the command).</summary>
public sealed class AccountException(string message) : Exception(message);
