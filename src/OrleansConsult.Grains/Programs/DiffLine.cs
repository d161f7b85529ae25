namespace OrleansConsult.Grains.Programs;

/// <summary>One line of a comparison of two versions: kept (' '), added ('+') or removed ('-').</summary>
public sealed record DiffLine(char Kind, string Text);
