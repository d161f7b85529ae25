using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Supervision;

/// <summary>One call as the desk keeps it: what was asked, what it did, who answered.</summary>
[GenerateSerializer, Alias("oc.DeskCall")]
public sealed class DeskCall
{
    [Id(0)] public SupervisorCall Call { get; set; } = null!;
    [Id(1)] public SupervisorCallOutcome Outcome { get; set; } = null!;
    /// <summary>The supervisor who watched, whispered on or took over the case; null while unanswered.</summary>
    [Id(2)] public string? AnsweredBy { get; set; }
}
