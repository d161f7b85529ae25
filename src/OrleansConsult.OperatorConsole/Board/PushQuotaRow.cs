namespace OrleansConsult.OperatorConsole.Board;

/// <summary>
/// One channel's month on LINE: messages that counted against its quota (pushes; replies are free),
/// the quota (LINE's, else the configured one), the share used and its level ("ok", "warn", "alarm").
/// </summary>
public sealed record PushQuotaRow(string Channel, long Used, long? Limit, double? Share, string Level, DateTimeOffset ReadAt);
