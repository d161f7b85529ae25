using System.Diagnostics.Metrics;
using OrleansConsult.Abstractions;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>One webhook event reduced to what the grains need, with the LINE user it came from.</summary>
public sealed record IngressEvent(string? LineUserId, InboundLineEvent Event);
