using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

/// <summary>Sends <see cref="Data"/> back as a postback event; <see cref="DisplayText"/> shows in the chat as the user's message.</summary>
public sealed record PostbackAction(string Label, string Data) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
    public string? DisplayText { get; init; }
}
