namespace OrleansConsult.Tenancy;

public sealed record CrisisSettings(IReadOnlyList<string> Words, IReadOnlyList<EmergencyContact> EmergencyContacts)
{
    public static IReadOnlyList<string> DefaultWords { get; } =
        ["死にたい", "消えたい", "殴られ", "出血", "破水", "自殺", "虐待"];

    public static IReadOnlyList<EmergencyContact> DefaultEmergencyContacts { get; } =
    [
        new("救急", "119", "命に関わるとき、強い痛みや大量の出血、破水のとき"),
        new("警察", "110", "暴力を受けている、身の危険を感じるとき"),
        new("児童相談所虐待対応ダイヤル", "189", "子どもへの虐待の心配があるとき（24時間）"),
        new("子ども医療電話相談", "#8000", "夜間・休日に子どもの急な病気で迷ったとき"),
    ];

    /// <summary>The first configured word found in the text (after width and kana folding), or null.</summary>
    public string? FindCrisisWord(string text)
    {
        var folded = TextFolding.Fold(text);
        return Words.FirstOrDefault(w => folded.Contains(TextFolding.Fold(w), StringComparison.Ordinal));
    }
}
