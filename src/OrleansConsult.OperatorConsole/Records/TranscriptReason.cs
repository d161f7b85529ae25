namespace OrleansConsult.OperatorConsole.Records;

/// <summary>
/// The reason a person types before a transcript opens: required, and bounded so it is a sentence for the audit log,
/// not a paste of the conversation. Its problem, in Japanese, or null when it is acceptable.
/// </summary>
public static class TranscriptReason
{
    public const int MinLength = 5;
    public const int MaxLength = 200;

    public static string? Problem(string? reason)
    {
        var text = Normalize(reason);
        return text.Length == 0 ? "閲覧の理由を入力してください。理由のない閲覧はできません。"
            : text.Length < MinLength ? $"閲覧の理由は {MinLength} 文字以上で具体的に入力してください。"
            : text.Length > MaxLength ? $"閲覧の理由は {MaxLength} 文字以内で入力してください（いまは {text.Length} 文字）。"
            : null;
    }

    /// <summary>The reason as stored: trimmed, line breaks and runs of spaces as one space.</summary>
    public static string Normalize(string? reason) =>
        string.Join(' ', (reason ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
