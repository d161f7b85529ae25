namespace OrleansConsult.Grains.Records;

/// <summary>
/// A counselor's record form on LINE, kept in her grain's state between taps: which case, which step, the choices
/// shown at this step (so a tap's index means what she saw, even if the program changed meanwhile) and what she
/// chose so far.
/// </summary>
[GenerateSerializer, Alias("oc.RecordForm")]
public sealed class RecordForm
{
    public const int Topics = 0;
    public const int AgeBand = 1;
    public const int PregnancyWeeks = 2;
    public const int Actions = 3;

    [Id(0)] public long Number { get; set; }
    [Id(1)] public string CaseId { get; set; } = "";
    [Id(2)] public int Step { get; set; }
    [Id(3)] public List<string> Choices { get; set; } = [];
    [Id(4)] public List<string> ChosenTopics { get; set; } = [];
    [Id(5)] public string? ChosenAgeBand { get; set; }
    [Id(6)] public string? ChosenWeeks { get; set; }
    [Id(7)] public List<string> ChosenActions { get; set; } = [];
    /// <summary>Saved to the case record at least once (then the last step offers 「完了」 instead of leaving).</summary>
    [Id(8)] public bool Saved { get; set; }
    /// <summary>The case's tenant: its record lists give the next step's choices.</summary>
    [Id(9)] public string TenantId { get; set; } = "";
}
