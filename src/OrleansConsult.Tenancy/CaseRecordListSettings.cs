namespace OrleansConsult.Tenancy;

/// <summary>
/// The choices of a case record ("RecordLists" in the program, and per tenant): 相談内容, 年代, 妊娠週数, 対応 for the
/// classification, and the referral's destination types and statuses. The counselor picks them on LINE as quick
/// replies and the console shows the same lists, so they are plain short labels.
/// </summary>
public sealed record CaseRecordListSettings(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> AgeBands,
    IReadOnlyList<string> PregnancyWeeks,
    IReadOnlyList<string> Actions,
    IReadOnlyList<string> Destinations,
    IReadOnlyList<string> ReferralStatuses)
{
    /// <summary>LINE shows at most 13 quick replies; a step also needs 「次へ」, 「スキップ」 and 「あとで」.</summary>
    public const int MaxChoices = 10;

    /// <summary>The shortest column a choice is stored in (age band, pregnancy weeks).</summary>
    public const int MaxChoiceLength = 50;

    /// <summary>The names of the lists as the program file writes them, in form order.</summary>
    public static IReadOnlyList<string> ListNames { get; } =
        ["Topics", "AgeBands", "PregnancyWeeks", "Actions", "Destinations", "ReferralStatuses"];

    /// <summary>The lists of the program of 若年妊婦等支援事業 (issue 12), used wherever the program names none.</summary>
    public static CaseRecordListSettings Default { get; } = new(
        ["妊娠の可能性・検査", "妊娠継続の迷い", "中絶", "体調・受診", "避妊", "パートナー・家族", "経済・住まい", "学校・仕事", "暴力・性被害", "その他"],
        ["〜15", "16–17", "18–19", "20–24", "25 以上", "不明"],
        ["未確認", "〜11 週", "12–21 週", "22 週〜", "該当なし"],
        ["情報提供", "傾聴・助言", "受診勧奨", "他機関紹介", "関係機関連携"],
        ["こども家庭センター（子育て世代包括支援センター）", "児童相談所", "女性相談支援センター", "医療機関（産科）", "福祉事務所", "警察", "居場所・シェルター", "その他"],
        ["提案した", "連絡した", "つながった", "不明"]);

    /// <summary>The list called <paramref name="name"/> (one of <see cref="ListNames"/>).</summary>
    public IReadOnlyList<string> List(string name) => name switch
    {
        "Topics" => Topics,
        "AgeBands" => AgeBands,
        "PregnancyWeeks" => PregnancyWeeks,
        "Actions" => Actions,
        "Destinations" => Destinations,
        "ReferralStatuses" => ReferralStatuses,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a record list"),
    };
}
