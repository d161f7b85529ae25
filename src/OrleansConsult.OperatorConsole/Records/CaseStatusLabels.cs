using OrleansConsult.Abstractions;

namespace OrleansConsult.OperatorConsole.Records;

/// <summary>Japanese names of a case's status.</summary>
public static class CaseStatusLabels
{
    public static string Label(CaseStatus status) => status switch
    {
        CaseStatus.Waiting => "待機中",
        CaseStatus.Connected => "対応中",
        CaseStatus.Unanswered => "未対応（伝言の案内済み）",
        CaseStatus.LeftMessage => "伝言あり",
        _ => "終了",
    };
}
