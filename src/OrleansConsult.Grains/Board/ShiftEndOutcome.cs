namespace OrleansConsult.Grains.Board;

/// <summary>What a supervisor's 退勤 for a counselor did.</summary>
public enum ShiftEndOutcome
{
    Ended,
    /// <summary>She was off shift already: nothing was done, she was not told.</summary>
    AlreadyOffShift,
    /// <summary>No such person on that roster.</summary>
    NotFound,
}
