namespace OrleansConsult.Host;

/// <summary>
/// The configured program as JSON (the Program:File text, or the Program section), imported as version 1 into an
/// empty table; <see cref="Nothing"/> when no program is configured (the database's newest version is used).
/// </summary>
public sealed record ProgramImportSource(string? Json, string Origin)
{
    public static ProgramImportSource Nothing { get; } = new(null, "(none)");
}
