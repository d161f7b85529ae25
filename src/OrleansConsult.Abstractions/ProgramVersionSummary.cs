namespace OrleansConsult.Abstractions;

/// <summary>A line of the version history: who saved which version when, and why, without the program itself.</summary>
public sealed record ProgramVersionSummary(int Number, string Author, DateTimeOffset CreatedAt, string? Comment);
