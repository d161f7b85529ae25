using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

[JsonSerializable(typeof(OutboxPayload))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
