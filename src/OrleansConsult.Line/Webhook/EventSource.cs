using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Webhook;

/// <summary>Where an event came from. Unknown source types keep their raw type.</summary>
public sealed record EventSource
{
    public string Type { get; init; } = "";
    public string? UserId { get; init; }
    public string? GroupId { get; init; }
    public string? RoomId { get; init; }

    [JsonIgnore]
    public SourceKind Kind => Type switch
    {
        "user" => SourceKind.User,
        "group" => SourceKind.Group,
        "room" => SourceKind.Room,
        _ => SourceKind.Unknown,
    };
}
