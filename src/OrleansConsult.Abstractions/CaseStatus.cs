namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.CaseStatus")]
public enum CaseStatus
{
    Waiting = 0,
    Connected = 1,
    /// <summary>Nobody could take it: the consultee was offered to leave a message.</summary>
    Unanswered = 2,
    /// <summary>She left a message; it is offered first when the area (or pool) opens.</summary>
    LeftMessage = 3,
    Closed = 4,
}
