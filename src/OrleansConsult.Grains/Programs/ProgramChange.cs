namespace OrleansConsult.Grains.Programs;

/// <summary>
/// A saved edit for the audit log: who, which version, what part, and that part before and after (JSON).
/// <paramref name="Owner"/> is the dispatcher key (tenant:{id} or pool:{id}) of the tenant or pool changed,
/// null for the whole program.
/// </summary>
public sealed record ProgramChange(int Version, string Author, string Subject, string Before, string After, string? Comment, string? Owner = null);
