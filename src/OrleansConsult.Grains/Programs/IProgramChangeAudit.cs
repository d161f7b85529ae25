namespace OrleansConsult.Grains.Programs;

/// <summary>Where <see cref="ProgramEditor"/> records each saved change; the console writes it to its audit log.</summary>
public interface IProgramChangeAudit
{
    Task RecordAsync(ProgramChange change, CancellationToken cancellationToken = default);
}
