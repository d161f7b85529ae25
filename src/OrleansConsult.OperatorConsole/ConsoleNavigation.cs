using OrleansConsult.OperatorConsole.Access;

namespace OrleansConsult.OperatorConsole;

/// <summary>
/// The main menu, one entry per feature folder, shown by role. A helper adding a feature adds one
/// line here (its pages under Pages/&lt;Feature&gt;/, its policy in the folder convention).
/// </summary>
public static class ConsoleNavigation
{
    public sealed record Item(string Path, string Label, string Description, Func<ConsoleScope, bool> Shows);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/", "ホーム", "", _ => true),
        new("/Board", "ライブボード", "待機中の相談と出勤中のスタッフ、スタッフの在席と退勤", s => s.Role is not ConsoleRole.Auditor),
        new("/Program", "窓口設定", "自治体・受付時間・FAQ・プール", s => s.Role is ConsoleRole.National or ConsoleRole.TenantAdmin),
        new("/Staff", "スタッフ招待", "招待コードの発行・取り消し、LINE連携の解除", s => s.Role is ConsoleRole.National or ConsoleRole.TenantAdmin),
        new("/Accounts", "アカウント", "オペレーターの招待と無効化", s => s.Role is ConsoleRole.National or ConsoleRole.TenantAdmin),
        new("/Records", "相談記録・月次報告", "相談記録の一覧と分類、電話相談の記録、月次報告の出力", s => s.Role is not ConsoleRole.Auditor),
        new("/Audit", "監査ログ", "操作の記録の検索と CSV 出力", s => s.ReadsAudit),
    ];

    public static IEnumerable<Item> For(ConsoleScope scope) => Items.Where(i => i.Shows(scope));
}
