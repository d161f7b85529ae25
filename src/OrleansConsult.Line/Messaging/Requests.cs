using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

public sealed record ReplyRequest(string ReplyToken, IReadOnlyList<LineMessage> Messages);

public sealed record PushRequest(string To, IReadOnlyList<LineMessage> Messages);

public sealed record MulticastRequest(IReadOnlyList<string> To, IReadOnlyList<LineMessage> Messages);

public sealed record LoadingRequest(string ChatId, int LoadingSeconds);

public sealed record MarkAsReadRequest(string MarkAsReadToken);

/// <summary>GET /v2/bot/message/{id}/content/transcoding: "processing", "succeeded" or "failed".</summary>
public sealed record TranscodingStatus(string? Status);

/// <summary>LINE's error body: {"message": "...", "details": [{"message": "...", "property": "..."}]}.</summary>
public sealed record LineErrorBody(string? Message, IReadOnlyList<LineErrorDetail>? Details = null);

public sealed record LineErrorDetail(string? Message, string? Property);

public sealed record SentMessage(string Id, string? QuoteToken = null);

public sealed record SentMessagesBody(IReadOnlyList<SentMessage>? SentMessages);

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
