using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

public sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<LineMessage> Messages);
