namespace OrleansConsult.Tenancy;

/// <summary>
/// A 定型文: a counselor's ready-made answer, chosen on LINE by its title (a quick-reply label) and sent
/// as her own message. The text may hold {area}, {phones} and {hours}, filled in for the case.
/// </summary>
public sealed record CannedReply(string Title, string Text)
{
    /// <summary>LINE's limit for a quick-reply label: the title is the button.</summary>
    public const int MaxTitleLength = 20;

    /// <summary>LINE's limit for one text message.</summary>
    public const int MaxTextLength = 5000;

    /// <summary>
    /// The national defaults, used when the program names none ("CannedReplies" at the top of the program):
    /// greeting, asking for her area's clinic, the 24-hour numbers, closing.
    /// </summary>
    public static IReadOnlyList<CannedReply> NationalDefaults { get; } =
    [
        new("あいさつ", "ご相談ありがとうございます。相談員です。ここで話したことは、あなたの同意なしにほかの人に伝わることはありません。話せるところから、ゆっくり教えてください。"),
        new("近くの医療機関", "{area}で受診できる産婦人科や保健センターを一緒に探しましょう。通いやすい市町村や、行きやすい曜日・時間帯があれば教えてください。"),
        new("24時間の窓口", "命に関わるとき、強い痛みや大量の出血があるときは、すぐに119（救急）に電話してください。身の危険を感じるときは110（警察）へ。\n窓口の電話：\n{phones}"),
        new("終わりのあいさつ", "今日はお話ししてくれてありがとうございました。また不安になったら、いつでもこのトークに送ってください。受付時間：{hours}"),
    ];
}
