namespace OrleansConsult.OperatorConsole.Audit;

/// <summary>Japanese names of the actions for the auditor's page; unknown actions show as stored.</summary>
public static class AuditActionLabels
{
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        [AuditActions.SignIn] = "サインイン",
        [AuditActions.SignInFailed] = "サインイン失敗",
        [AuditActions.LockedOut] = "ロックアウト",
        [AuditActions.SignOut] = "サインアウト",
        [AuditActions.AccountInvited] = "アカウント招待",
        [AuditActions.AccountSetUp] = "アカウント設定完了",
        [AuditActions.AccountDeactivated] = "アカウント無効化",
        [AuditActions.AccountRoleChanged] = "アカウントの役割・範囲変更",
        [AuditActions.AuditExported] = "監査ログ出力",
        [AuditActions.StaffInvitationIssued] = "スタッフ招待発行",
        [AuditActions.StaffInvitationRevoked] = "スタッフ招待取消",
        [AuditActions.StaffBindingRevoked] = "LINE連携解除",
        [OrleansConsult.OperatorConsole.Records.RecordsAuditActions.PhoneRecorded] = "電話相談の記録",
        [OrleansConsult.OperatorConsole.Records.RecordsAuditActions.Classified] = "相談記録の分類",
        [OrleansConsult.OperatorConsole.Records.RecordsAuditActions.ReferralSaved] = "つなぎ先の記録",
        [OrleansConsult.OperatorConsole.Records.RecordsAuditActions.ReportExported] = "月次報告の出力",
        [OrleansConsult.OperatorConsole.Records.RecordsAuditActions.TranscriptOpened] = "会話記録の閲覧",
        [OrleansConsult.OperatorConsole.Records.RecordsAuditActions.TranscriptRefused] = "会話記録の閲覧拒否",
    };

    public static IReadOnlyDictionary<string, string> All { get; } =
        Labels.Concat(Supervision.SupervisionAuditActions.Labels).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static string Label(string action) => Labels.TryGetValue(action, out var label) ? label
        : Supervision.SupervisionAuditActions.Labels.TryGetValue(action, out var supervision) ? supervision : action;
}
