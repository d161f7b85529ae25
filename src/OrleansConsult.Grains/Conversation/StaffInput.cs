using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// How a counselor's typed text is read: a presence word (出勤, 休憩, 退勤), a command after / or ／ with its
/// argument after a half- or full-width space, or else words for her current case. Pure.
/// </summary>
public static class StaffInput
{
    /// <summary>The presence her rich-menu word asks for, or null when it is not one.</summary>
    public static Presence? PresenceWord(string input) =>
        input == BotText.Get("Staff.Available") ? Presence.Available
        : input == BotText.Get("Staff.Away") ? Presence.Away
        : input == BotText.Get("Staff.OffShift") ? Presence.OffShift
        : null;

    /// <summary>True when <paramref name="input"/> is a command; <paramref name="command"/> is what follows the slash.</summary>
    public static bool IsCommand(string input, out string command)
    {
        var slashed = input.StartsWith('/') || input.StartsWith('／');
        command = slashed ? input[1..].Trim() : "";
        return slashed;
    }

    /// <summary>A command's name and its argument (empty when there is none).</summary>
    public static (string Name, string Argument) Split(string command) =>
        command.IndexOfAny([' ', '　']) is var space and > 0
            ? (command[..space], command[(space + 1)..].Trim())
            : (command, "");
}
