namespace OrleansConsult.Line;

public enum LineChannelRole
{
    /// <summary>The public official account consultees talk to.</summary>
    Consultee,

    /// <summary>The account counselors and nurses use.</summary>
    Staff,
}
