namespace OrleansConsult.Line.Quota;

/// <summary>GET /v2/bot/message/quota/consumption: messages that counted against the quota this month.</summary>
public sealed record QuotaConsumption(long TotalUsage);
