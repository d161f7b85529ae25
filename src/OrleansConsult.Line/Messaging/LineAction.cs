using System.Text.Json.Serialization;

namespace OrleansConsult.Line.Messaging;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(PostbackAction), "postback")]
[JsonDerivedType(typeof(MessageAction), "message")]
[JsonDerivedType(typeof(UriAction), "uri")]
[JsonDerivedType(typeof(DatetimePickerAction), "datetimepicker")]
public abstract record LineAction
{
    /// <summary>The text on the button (quick reply, template, flex).</summary>
    [JsonIgnore] public abstract string ButtonLabel { get; }
}
