namespace OrleansConsult.OperatorConsole.Records;

/// <summary>One message of a transcript as the console shows it: Tokyo time, which side wrote it, the text.</summary>
public sealed record TranscriptLine(DateTimeOffset At, string Side, string Text);
