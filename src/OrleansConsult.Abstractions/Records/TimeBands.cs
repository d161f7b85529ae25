namespace OrleansConsult.Abstractions.Records;

/// <summary>When a case opened relative to its tenant's hours: the basis of the 夜間・休日対応 subsidy line.</summary>
public static class TimeBands
{
    public const string WithinHours = "時間内";
    public const string Night = "夜間";
    public const string Holiday = "休日";

    public static IReadOnlyList<string> All { get; } = [WithinHours, Night, Holiday];
}
