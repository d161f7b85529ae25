using System.Data.Common;

namespace OrleansConsult.Grains.Programs;

/// <summary>
/// Where <see cref="ProgramEditor"/> records each saved change; the console writes it to its audit log. It is
/// called inside the transaction that saves the version: if it throws, the version is not saved.
/// </summary>
public interface IProgramChangeAudit
{
    Task RecordAsync(ProgramChange change, DbTransaction transaction, CancellationToken cancellationToken = default);
}
