namespace OrleansConsult.Grains.Programs;

/// <summary>A staff member's settings as the console's roster form edits them (other keys of her entry are kept).</summary>
public sealed record StaffEntry(string DisplayName, string Role, int MaxConcurrentCases, bool Active);
