namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.BoardCaseState")]
public enum BoardCaseState
{
    Waiting = 0,
    Offered = 1,
    LeftMessage = 2,
}
