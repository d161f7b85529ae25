namespace OrleansConsult.Host;

/// <summary>Recipients and the Messaging API JSON of the messages: personal data, sealed by SqlOutbox.</summary>
public sealed record OutboxPayload(string[] To, string Messages);
