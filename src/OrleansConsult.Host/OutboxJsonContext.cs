using System.Text.Json.Serialization;

namespace OrleansConsult.Host;

[JsonSerializable(typeof(OutboxPayload))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
