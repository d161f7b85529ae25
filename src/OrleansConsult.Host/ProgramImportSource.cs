namespace OrleansConsult.Host;

/// <summary>The configured program as JSON (the Program:File text, or the Program section), imported as version 1 into an empty table.</summary>
public sealed record ProgramImportSource(string Json, string Origin);
