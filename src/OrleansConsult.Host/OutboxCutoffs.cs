namespace OrleansConsult.Host;

/// <summary>The instants one purge compares outbox rows with.</summary>
public sealed record OutboxCutoffs(
    DateTimeOffset DeliveredBefore,
    DateTimeOffset ParkedBefore,
    DateTimeOffset MonthlyLimitParkedBefore,
    DateTimeOffset CreatedBefore,
    DateTimeOffset AlertParkedBefore);
