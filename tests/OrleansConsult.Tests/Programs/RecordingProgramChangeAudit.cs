using System.Collections.Concurrent;
using OrleansConsult.Grains.Programs;

namespace OrleansConsult.Tests.Programs;

/// <summary>The audit entries the editor wrote.</summary>
public sealed class RecordingProgramChangeAudit : IProgramChangeAudit
{
    public ConcurrentQueue<ProgramChange> Changes { get; } = new();

    public Task RecordAsync(ProgramChange change, System.Data.Common.DbTransaction transaction, CancellationToken cancellationToken = default)
    {
        Changes.Enqueue(change);
        return Task.CompletedTask;
    }
}
