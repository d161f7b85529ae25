namespace OrleansConsult.Grains.Records;

/// <summary>A case she closed lately: for /記録 #tag, /一覧's 24-hour list and the next day's reminder.</summary>
[GenerateSerializer, Alias("oc.ClosedCaseEntry")]
public sealed class ClosedCaseEntry
{
    [Id(0)] public string CaseId { get; set; } = "";
    [Id(1)] public DateTimeOffset ClosedAt { get; set; }
    [Id(2)] public DateTimeOffset RemindAt { get; set; }
    [Id(3)] public bool Reminded { get; set; }
}
