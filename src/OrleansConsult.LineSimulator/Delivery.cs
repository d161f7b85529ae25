using System.Text.Json;

namespace OrleansConsult.LineSimulator;

/// <summary>A message the simulated platform delivered to a user's phone.</summary>
public sealed record Delivery(
    long Sequence,
    string Channel,
    string UserId,
    string Via,
    DateTimeOffset Time,
    Guid? RetryKey,
    string RequestId,
    JsonElement Message);
