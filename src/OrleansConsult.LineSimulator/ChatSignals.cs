namespace OrleansConsult.LineSimulator;

/// <summary>
/// What a simulated phone shows besides messages: which of her messages are 既読 (by webhookEventId,
/// marked through POST /v2/bot/chat/markAsRead), and the loading animation (until when, and how
/// often it was started).
/// </summary>
public sealed record ChatSignals(IReadOnlyList<string> ReadEventIds, DateTimeOffset? LoadingUntil, int LoadingStarts);
