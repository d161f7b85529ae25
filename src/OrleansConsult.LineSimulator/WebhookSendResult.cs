namespace OrleansConsult.LineSimulator;

/// <summary>What the app answered to a webhook request.</summary>
public sealed record WebhookSendResult(int StatusCode, IReadOnlyList<SimulatedEvent> Events)
{
    public SimulatedEvent Event => Events[0];
}
