using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Programs;

namespace OrleansConsult.Tests.Programs;

/// <summary>Publishes to one silo's <see cref="ProgramInUse"/> only: the editor's tests without a cluster.</summary>
public sealed class LocalProgramPublisher(ProgramInUse inUse) : IProgramPublisher
{
    public List<int> Published { get; } = [];

    public Task<int> PublishAsync(ProgramVersion version)
    {
        Published.Add(version.Number);
        inUse.Apply(version);
        return Task.FromResult(1);
    }
}
