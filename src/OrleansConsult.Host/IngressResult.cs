using System.Diagnostics.Metrics;
using OrleansConsult.Abstractions;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

public sealed record IngressResult(int Accepted, int Duplicates, int Ignored);
