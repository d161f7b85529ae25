namespace OrleansConsult.Storage;

/// <summary>
/// The associated data each kind of sealed value is bound to, in one place: the stores seal and open
/// with it, and the rekey command re-seals every value with the same context. Binding a value to its
/// row means a blob copied to another row does not open.
/// </summary>
public static class SealedRows
{
    /// <summary>An outbox row's payload, bound to its retry key.</summary>
    public static string Outbox(Guid retryKey) => "outbox:" + retryKey.ToString("N");

    /// <summary>A service secret (oc_secrets), bound to its name.</summary>
    public static string Secret(string name) => "oc-secret:" + name;

    /// <summary>A transcript row's text, bound to its case and entry.</summary>
    public static string Transcript(string caseId, string entryId) => $"{caseId}/{entryId}";

    /// <summary>A waiting case in a dispatcher's queue (oc_dispatcher_queue), bound to its dispatcher and case.</summary>
    public static string DispatcherQueue(string dispatcherKey, string caseId) => $"dispatcher-queue:{dispatcherKey}/{caseId}";

    /// <summary>A media row's bytes (original or preview), bound to its random media id and which of the two it is.</summary>
    public static string Media(string mediaId, bool preview) => $"media:{mediaId}:{(preview ? "preview" : "original")}";

    /// <summary>A grain state blob, bound to its row's key: service, state name and grain key (see <see cref="GrainStateBinding"/>).</summary>
    public static string GrainState(GrainStateRow row) =>
        GrainState(row.ServiceId, row.GrainType, row.GrainIdN0, row.GrainIdN1, row.GrainIdExtension);

    public static string GrainState(string serviceId, string stateName, long n0, long n1, string? extension) =>
        $"oc-grain-state:{serviceId}/{stateName}/{n0}/{n1}/{extension ?? ""}";
}
