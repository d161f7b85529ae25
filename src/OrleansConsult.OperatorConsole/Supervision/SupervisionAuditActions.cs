namespace OrleansConsult.OperatorConsole.Supervision;

/// <summary>The audit actions of supervision on LINE (one per journal step of the case).</summary>
public static class SupervisionAuditActions
{
    public const string Prefix = "supervision.";

    public static string For(string step) => Prefix + step;

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [For("sv-called")] = "SV要請",
        [For("sv-phones")] = "SV不在（電話連絡）",
        [For("sv-watch")] = "SVの見守り開始",
        [For("sv-whisper")] = "SVのささやき",
        [For("sv-takeover")] = "SVの引き継ぎ",
        [For("sv-leave")] = "SVの見守り終了",
    };
}
