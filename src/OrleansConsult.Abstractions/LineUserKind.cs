namespace OrleansConsult.Abstractions;

/// <summary>Which grain interface a registered LINE user is worked through.</summary>
public enum LineUserKind
{
    Consultee = 0,
    Staff = 1,
}
