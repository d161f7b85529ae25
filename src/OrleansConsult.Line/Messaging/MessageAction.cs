using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

public sealed record MessageAction(string Label, string Text) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
}
