using System.Diagnostics;

namespace OrleansConsult.Line;

/// <summary>
/// Spans of the LINE layer: each send to the Messaging API, with how it went (reply or push).
/// Tags carry the channel name and counts only, never a user id or a text.
/// </summary>
public static class LineTracing
{
    public const string SourceName = "OrleansConsult.Line";

    internal static readonly ActivitySource Source = new(SourceName);
}
