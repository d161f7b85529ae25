namespace OrleansConsult.OperatorConsole.Board;

/// <summary>Audit action names of the board and staff presence pages.</summary>
public static class BoardAuditActions
{
    /// <summary>A supervisor or admin ended a counselor's shift (退勤) from the staff presence page.</summary>
    public const string ShiftEnded = "staff.shift-ended";
}
