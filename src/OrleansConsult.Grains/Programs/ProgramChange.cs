namespace OrleansConsult.Grains.Programs;

/// <summary>A saved edit for the audit log: who, which version, what part, and that part before and after (JSON).</summary>
public sealed record ProgramChange(int Version, string Author, string Subject, string Before, string After, string? Comment);
