using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using OrleansConsult.Line;

namespace OrleansConsult.LineSimulator;

/// <summary>What the app answered to a webhook request.</summary>
public sealed record WebhookSendResult(int StatusCode, IReadOnlyList<SimulatedEvent> Events)
{
    public SimulatedEvent Event => Events[0];
}
