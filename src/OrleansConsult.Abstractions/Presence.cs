namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.Presence")]
public enum Presence
{
    OffShift = 0,
    Available = 1,
    Away = 2,
}
