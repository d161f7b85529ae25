namespace OrleansConsult.Abstractions;

/// <summary>
/// What a call did: how many on-shift supervisors were told, or (none on shift) the phone list to call instead.
/// </summary>
/// <param name="Phones">"label number" lines of the tenant's (or pool's) phones, when nobody was on shift.</param>
[GenerateSerializer, Immutable, Alias("oc.SupervisorCallOutcome")]
public sealed record SupervisorCallOutcome(
    [property: Id(0)] int SupervisorsCalled,
    [property: Id(1)] IReadOnlyList<string> Phones)
{
    public bool NobodyOnShift => SupervisorsCalled == 0;
}
