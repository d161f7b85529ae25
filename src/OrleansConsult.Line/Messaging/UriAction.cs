using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

/// <summary>Opens a URL; "tel:" numbers work too (emergency lines).</summary>
public sealed record UriAction(string Label, string Uri) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
}
