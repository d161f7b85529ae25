using System.Diagnostics;

namespace OrleansConsult.Grains;

/// <summary>
/// Spans of the conversation engine: a LINE user's event being worked and a case relaying a
/// message. Tags name the case by its tag and the event by its type, never a person or a text.
/// </summary>
public static class EngineTracing
{
    public const string SourceName = "OrleansConsult.Engine";

    internal static readonly ActivitySource Source = new(SourceName);

    public const string CaseTag = "oc.case";
}
