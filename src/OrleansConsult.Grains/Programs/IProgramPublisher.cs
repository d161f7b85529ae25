using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Programs;

/// <summary>Puts a newly saved program version in use on every silo.</summary>
public interface IProgramPublisher
{
    /// <summary>Returns how many silos reported the version (or a newer one) in use.</summary>
    Task<int> PublishAsync(ProgramVersion version);
}
