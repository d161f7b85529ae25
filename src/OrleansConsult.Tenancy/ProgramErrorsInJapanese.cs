using System.Text.RegularExpressions;

namespace OrleansConsult.Tenancy;

/// <summary>
/// Puts the loader's problems (<see cref="ProgramConfigurationException.Errors"/>, English, one per line,
/// "path problem") into Japanese for the operators who edit the program in the console: the setting path
/// as the console's labels name it, and the problem as a request. The English lines stay the loader's
/// own (logs, the command line, tests); an unknown problem keeps its English text after a Japanese path.
/// </summary>
public static partial class ProgramErrorsInJapanese
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["DisplayName"] = "表示名", ["Kind"] = "種別", ["EntryCode"] = "入口コード", ["Areas"] = "地域",
        ["Name"] = "名称", ["Aliases"] = "別名", ["Hours"] = "受付時間", ["Days"] = "曜日", ["Day"] = "曜日",
        ["Start"] = "開始", ["End"] = "終了", ["HolidayHours"] = "祝日・年末年始の受付時間",
        ["ClosedOnPublicHolidays"] = "祝日の休業", ["ClosedYearEnd"] = "年末年始の休業", ["ClosedDays"] = "休業日",
        ["OpenDays"] = "臨時開設日", ["Date"] = "日付", ["Phones"] = "電話番号", ["Label"] = "名称", ["Number"] = "番号",
        ["HoursText"] = "受付時間の案内", ["OverflowTo"] = "引き継ぎ先（看護師プール）",
        ["MaxWaitBeforeOverflow"] = "引き継ぐまでの待ち時間", ["OfferTimeout"] = "打診の応答待ち時間",
        ["OfferRetryPause"] = "同じ人への再打診までの間隔", ["IdleWarnAfter"] = "無応答の確認まで",
        ["IdleCloseAfter"] = "無応答で終了まで", ["ReturningConsulteeWindow"] = "再相談とみなす期間",
        ["RetentionYears"] = "保存年数", ["Faq"] = "よくある質問", ["Question"] = "質問", ["Answer"] = "回答",
        ["Keywords"] = "キーワード", ["Counselors"] = "相談員", ["Nurses"] = "看護職", ["Role"] = "職種",
        ["MaxConcurrentCases"] = "同時に対応できる件数", ["EnrollmentCode"] = "登録コード", ["Active"] = "有効",
        ["NursePools"] = "看護師プール", ["Tenants"] = "自治体", ["CrisisWords"] = "危機ワード",
        ["EmergencyContacts"] = "緊急連絡先", ["Note"] = "備考", ["CannedReplies"] = "定型文", ["Title"] = "題名", ["Text"] = "本文",
        ["RecordLists"] = "記録の選択肢", ["Topics"] = "相談内容", ["AgeBands"] = "年代", ["PregnancyWeeks"] = "妊娠週数",
        ["Actions"] = "対応", ["Destinations"] = "紹介先の種類", ["ReferralStatuses"] = "紹介の状況",
    };

    // Sections whose children are keyed by an id (a slug), or numbered (a list).
    private static readonly HashSet<string> Keyed = new(StringComparer.OrdinalIgnoreCase) { "Tenants", "NursePools", "Counselors", "Nurses" };

    private static readonly Dictionary<string, string> Things = new()
    {
        ["staff id"] = "職員ID", ["enrollment code"] = "登録コード", ["entry code"] = "入口コード", ["area name or alias"] = "地域名・別名",
    };

    private static readonly (Regex Pattern, Func<Match, string> Say)[] Problems =
    [
        (new(@"^is required \(at least one tenant, keyed by its id\)$"), _ => "に自治体を1つ以上登録してください"),
        (new(@"^is required \(at least one prefecture or city name\)$"), _ => "に都道府県名または市区町村名を1つ以上入力してください"),
        (new(@"^is required \(""all"" or a list of tenant ids\)$"), _ => "に「all」（全自治体）または自治体IDの一覧を入力してください"),
        (new(@"^is required \(e\.g\. \[.*\]\)$"), _ => "を入力してください（例: 火, 木）"),
        (new(@"^is required$"), _ => "を入力してください"),
        (new(@"^is not true or false$"), _ => "は true（はい）か false（いいえ）で指定してください"),
        (new(@"^is not a whole number of at least (\d+)$"), m => $"は{m.Groups[1].Value}以上の整数で入力してください"),
        (new(@"^is not a positive duration"), _ => "は0より長い時間（時:分:秒、例: 00:03:00）で入力してください"),
        (new(@"^is not a time \(HH:mm\)$"), _ => "は時刻（例: 09:00、24:00 まで）で入力してください"),
        (new(@"^is not a date \(yyyy-MM-dd\)$"), _ => "は日付（例: 2026-08-13）で入力してください"),
        (new(@"^is not one of (.+)$"), m => $"は次のいずれかで指定してください: {m.Groups[1].Value}"),
        (new(@"^is not a day of the week"), _ => "は曜日（月〜日、または Mon〜Sun）で入力してください"),
        (new(@"^must differ from Start$"), _ => "は開始と違う時刻にしてください"),
        (new(@"^must be after Start \((.+)\)$"), m => $"は開始（{m.Groups[1].Value}）より後の時刻にしてください"),
        (new(@"^has overlapping windows on (\w+) \((.+) and (.+)\)$"), m => $"で{DayName(m.Groups[1].Value)}の時間帯が重なっています（{m.Groups[2].Value} と {m.Groups[3].Value}）"),
        (new(@"^is set but ClosedOnPublicHolidays is true$"), _ => "が設定されていますが、祝日は休業になっています（祝日の休業を外すか、祝日の受付時間を消してください）"),
        (new(@"^is longer than (\d+) characters"), m => $"は{m.Groups[1].Value}文字以内にしてください"),
        (new(@"^is empty \(at least one choice\)$"), _ => "に選択肢を1つ以上入力してください"),
        (new(@"^has more than (\d+) choices"), m => $"の選択肢は{m.Groups[1].Value}個以内にしてください（LINEの選択ボタンは13個までのため）"),
        (new(@"^repeats the choice '(.*)'$"), m => $"の「{m.Groups[1].Value}」が重複しています。同じ選択肢は1つにしてください"),
        (new(@"^repeats the title '(.*)'"), m => $"の「{m.Groups[1].Value}」は同じ定型文の中ですでに使われています。別の題名にしてください"),
        (new(@"^is more than 30 years"), _ => "は1〜30の整数（年）で入力してください"),
        (new(@"^must be shorter than IdleCloseAfter$"), _ => "は「無応答で終了まで」より短くしてください"),
        (new(@"^id is not a slug"), _ => "のIDは英小文字・数字・ハイフンで入力してください（例: toyama、tym-c01）"),
        (new(@"^id '(.+)' is also a tenant id$"), m => $"のID「{m.Groups[1].Value}」は自治体IDと同じです。別のIDにしてください"),
        (new(@"^names nurse pool '(.+)', which is not configured \(known: (.*)\)$"), m => $"の看護師プール「{m.Groups[1].Value}」は登録されていません（登録済み: {m.Groups[2].Value}）"),
        (new(@"^names nurse pool '(.+)', which does not cover this tenant$"), m => $"の看護師プール「{m.Groups[1].Value}」はこの自治体を対象にしていません"),
        (new(@"^names tenant '(.+)', which is not configured$"), m => $"の自治体「{m.Groups[1].Value}」は登録されていません"),
        (new(@"^repeats the (.+) '(.*)' already used at (\S+)$"), m => $"の{Things.GetValueOrDefault(m.Groups[1].Value, m.Groups[1].Value)}「{m.Groups[2].Value}」は、{Path(m.Groups[3].Value)}ですでに使われています"),
        (new(@"^is not valid JSON: (.+)$", RegexOptions.Singleline), m => $"が JSON として読めません（{m.Groups[1].Value}）"),
        (new(@"^must be a JSON object$"), _ => "は JSON のオブジェクト（{ … }）で書いてください"),
        (new(@"^section is missing$"), _ => "がありません"),
    ];

    /// <summary>
    /// Every line in Japanese. With <paramref name="hideOtherPlaces"/> (an editor scoped to some tenants) a value
    /// already used elsewhere is reported without naming where, so no other tenant's settings show.
    /// </summary>
    public static IReadOnlyList<string> Translate(IEnumerable<string> errors, bool hideOtherPlaces = false) =>
        errors.Select(e => Translate(e, hideOtherPlaces)).Distinct().ToList();

    /// <summary>One loader line in Japanese: "自治体「toyama」› 受付時間 1件目 › 開始 は時刻（…）で入力してください".</summary>
    public static string Translate(string error) => Translate(error, hideOtherPlaces: false);

    private static string Translate(string error, bool hideOtherPlaces)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (hideOtherPlaces && Repeated().Match(error) is { Success: true } repeated)
        {
            return $"{Things.GetValueOrDefault(repeated.Groups[1].Value, repeated.Groups[1].Value)}「{repeated.Groups[2].Value}」はほかの窓口ですでに使われています。別の値にしてください";
        }
        var space = error.IndexOf(' ', StringComparison.Ordinal);
        if (space < 0)
        {
            return error;
        }
        var path = error[..space].TrimEnd(':');
        var problem = error[(space + 1)..];
        if (error[..space].EndsWith(':'))
        {
            // "Program: <reader message>": the JSON itself did not read (e.g. a key written twice).
            return $"{Path(path)}を読み込めません（{problem}）";
        }
        foreach (var (pattern, say) in Problems)
        {
            if (pattern.Match(problem) is { Success: true } match)
            {
                return Path(path) + " " + say(match);
            }
        }
        return $"{Path(path)}: {problem}";
    }

    /// <summary>A setting path in the console's words: Program:Tenants:toyama:Hours:0:Start → 自治体「toyama」› 受付時間 1件目 › 開始.</summary>
    public static string Path(string path)
    {
        var parts = path.Split(':', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (parts.Count > 0 && parts[0].Equals(ProgramConfigurationLoader.SectionName, StringComparison.OrdinalIgnoreCase))
        {
            parts.RemoveAt(0);
        }
        if (parts.Count == 0)
        {
            return "プログラム全体";
        }
        var words = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var label = Labels.GetValueOrDefault(part, part);
            // A pool's "Tenants" is a list of ids; only the top-level one is keyed by tenant id.
            if (i + 1 < parts.Count && Keyed.Contains(part) && !(part.Equals("Tenants", StringComparison.OrdinalIgnoreCase) && i > 0))
            {
                words.Add($"{label}「{parts[++i]}」");
            }
            else if (i + 1 < parts.Count && int.TryParse(parts[i + 1], out var index))
            {
                words.Add($"{label} {index + 1}件目");
                i++;
            }
            else
            {
                words.Add(label);
            }
        }
        return string.Join(" › ", words);
    }

    [GeneratedRegex(@"^\S+ repeats the (.+) '(.*)' already used at \S+$")]
    private static partial Regex Repeated();

    private static string DayName(string day) => Enum.TryParse<DayOfWeek>(day, out var d)
        ? "日月火水木金土"[(int)d] + "曜日"
        : day == "holidays" ? "祝日・年末年始" : day;
}
