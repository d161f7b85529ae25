using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Supervision;

[GenerateSerializer, Alias("oc.SupervisorDeskState")]
public sealed class SupervisorDeskState
{
    /// <summary>Supervisors on shift (出勤 or 休憩) as they reported themselves.</summary>
    [Id(0)] public Dictionary<string, Presence> OnShift { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Calls of open cases, newest last (see <see cref="SupervisorCallPolicy.Prune"/>).</summary>
    [Id(1)] public List<DeskCall> Calls { get; set; } = [];
}
