namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.LeaveResult")]
public enum LeaveResult
{
    Left = 0,
    /// <summary>She still has open cases: she finishes or transfers them first.</summary>
    HasOpenCases = 1,
    /// <summary>This LINE user is not bound to her (any more).</summary>
    NotBound = 2,
}
