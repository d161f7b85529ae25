namespace OrleansConsult.Abstractions;

/// <summary>
/// The origin tag an outbox row carries for a relayed message: its case, the direction and the event
/// it relays (no personal data). Erasure deletes a case's rows by it, and a relay the outbox parks later
/// is reported back to its case by it.
/// </summary>
public static class OutboxOrigins
{
    /// <summary>RequestContext key the case grain sets around a relay, read where the send is made.</summary>
    public const string RequestContextKey = "oc.origin";

    public const string ToCounselor = "to-counselor";
    public const string ToConsultee = "to-consultee";

    public static string Relay(string caseId, string direction, string eventId) => $"{CasePrefix(caseId)}{direction}|{eventId}";

    /// <summary>Every origin of the case starts with this.</summary>
    public static string CasePrefix(string caseId) => $"case|{caseId}|";

    public static bool TryParseRelay(string origin, out string caseId, out string direction, out string eventId)
    {
        caseId = direction = eventId = "";
        var parts = origin.Split('|', 4);
        if (parts is not ["case", var id, var dir, var evt] || dir is not (ToCounselor or ToConsultee))
        {
            return false;
        }
        (caseId, direction, eventId) = (id, dir, evt);
        return true;
    }
}
