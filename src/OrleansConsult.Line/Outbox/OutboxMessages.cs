using System.Text.Json;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Outbox;

/// <summary>Messages in the outbox are kept as the JSON the Messaging API takes.</summary>
public static class OutboxMessages
{
    public static string Serialize(IReadOnlyList<LineMessage> messages) =>
        JsonSerializer.Serialize(messages.ToArray(), LineJsonContext.Default.LineMessageArray);

    public static IReadOnlyList<LineMessage> Deserialize(string json) =>
        JsonSerializer.Deserialize(json, LineJsonContext.Default.LineMessageArray)
        ?? throw new LineMessageValidationException("messages", "the stored messages are empty");
}
