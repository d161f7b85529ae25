using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>What one purge run deleted, and what it left for a reason.</summary>
public sealed record RetentionReport(
    int Cases,
    int TranscriptRows,
    OutboxPurgeResult Outbox,
    int CasesStillOpen,
    long ParkedExpiringSoon);
