namespace OrleansConsult.Load;

/// <summary>
/// One case of the surge as the LINE side and the load generator saw it: when 相談する was sent, the place she
/// heard (1 when the bot said no place) and when that message reached her, when her counselor's accept was
/// sent, and when 「とつながりました」 reached her.
/// </summary>
public sealed record SurgeCase(string CaseId, DateTimeOffset AskedAt)
{
    public int? ToldPlace { get; init; }
    public DateTimeOffset? ToldAt { get; init; }
    public DateTimeOffset? AcceptSentAt { get; init; }
    public DateTimeOffset? ConnectedAt { get; init; }
}
