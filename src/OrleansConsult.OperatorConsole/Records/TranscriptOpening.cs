namespace OrleansConsult.OperatorConsole.Records;

/// <summary>The answer to a request to open a transcript: its lines, or why not (a Japanese sentence).</summary>
public sealed record TranscriptOpening(IReadOnlyList<TranscriptLine>? Lines, string? Refusal)
{
    public bool Opened => Lines is not null;

    public static TranscriptOpening Refused(string why) => new(null, why);
}
