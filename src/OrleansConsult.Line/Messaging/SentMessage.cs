using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

public sealed record SentMessage(string Id, string? QuoteToken = null);
