namespace OrleansConsult.Line.RichMenus;

/// <summary>
/// What a tap does: "message" sends <see cref="Text"/> as the user's own message (the engine answers it
/// like typed text), "postback" sends <see cref="Data"/>. <see cref="Label"/> is for accessibility.
/// </summary>
public sealed record RichMenuAction(string Type, string? Label = null, string? Text = null, string? Data = null, string? DisplayText = null)
{
    public static RichMenuAction Message(string label, string text) => new("message", label, Text: text);
}
