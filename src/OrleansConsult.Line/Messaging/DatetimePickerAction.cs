using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

/// <summary>Mode is "date", "time" or "datetime".</summary>
public sealed record DatetimePickerAction(string Label, string Data, string Mode) : LineAction
{
    [JsonIgnore] public override string ButtonLabel => Label;
    public string? Initial { get; init; }
    public string? Max { get; init; }
    public string? Min { get; init; }
}
