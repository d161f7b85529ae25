namespace OrleansConsult.Line.Quota;

/// <summary>GET /v2/bot/message/quota: "limited" with the month's target in <see cref="Value"/>, or "none".</summary>
public sealed record MessageQuota(string? Type, long? Value);
