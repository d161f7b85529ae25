using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

/// <summary>Source-generated JSON for everything sent to (and, in the simulator, read from) the Messaging API.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(ReplyRequest))]
[JsonSerializable(typeof(PushRequest))]
[JsonSerializable(typeof(MulticastRequest))]
[JsonSerializable(typeof(LoadingRequest))]
[JsonSerializable(typeof(MarkAsReadRequest))]
[JsonSerializable(typeof(TranscodingStatus))]
[JsonSerializable(typeof(LineErrorBody))]
[JsonSerializable(typeof(SentMessagesBody))]
[JsonSerializable(typeof(IReadOnlyList<LineMessage>))]
[JsonSerializable(typeof(LineMessage[]))]
public sealed partial class LineJsonContext : JsonSerializerContext;
