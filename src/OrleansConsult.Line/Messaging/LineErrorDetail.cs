using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

public sealed record LineErrorDetail(string? Message, string? Property);
