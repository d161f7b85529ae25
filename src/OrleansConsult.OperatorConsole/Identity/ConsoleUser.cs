using Microsoft.AspNetCore.Identity;

namespace OrleansConsult.OperatorConsole.Identity;

/// <summary>A person who signs in to the console. UserName and Email are the same address.</summary>
public sealed class ConsoleUser : IdentityUser
{
    /// <summary>national | tenant | supervisor | auditor (<see cref="Access.ConsoleRoles"/>).</summary>
    public string Role { get; set; } = "";

    /// <summary>Tenant and pool keys, comma separated (<see cref="Access.ConsoleScope"/>).</summary>
    public string Scope { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>False once deactivated: no sign-in, and any open session ends within a minute.</summary>
    public bool Active { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";
}
