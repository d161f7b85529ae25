namespace OrleansConsult.Abstractions;

/// <summary>One waiting case of a dispatcher's queue as stored (see <see cref="IDispatcherQueueStore"/>).</summary>
public sealed record DispatcherQueueRow(string CaseId, byte[] Payload);
