namespace OrleansConsult.Abstractions;

[GenerateSerializer, Alias("oc.AcceptOutcome")]
public enum AcceptOutcome
{
    /// <summary>Stored durably for the first time.</summary>
    Accepted,

    /// <summary>Seen before (same webhookEventId): no effect.</summary>
    Duplicate,
}
