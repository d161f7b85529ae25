namespace OrleansConsult.Load;

/// <summary>
/// The place a consultee heard against what the LINE side can prove: at least <paramref name="AtLeast"/> and at
/// most <paramref name="AtMost"/> cases were ahead of her when she was placed.
/// </summary>
public sealed record SurgePlace(string CaseId, int Told, int AtLeast, int AtMost)
{
    public int Ahead => Told - 1;

    /// <summary>How far outside the proven range the heard place lies; 0 when it is true.</summary>
    public int Error => Ahead < AtLeast ? AtLeast - Ahead : Ahead > AtMost ? Ahead - AtMost : 0;

    /// <summary>How many places the LINE side cannot tell apart for her: the width of the proven range.</summary>
    public int Slack => AtMost - AtLeast;
}
