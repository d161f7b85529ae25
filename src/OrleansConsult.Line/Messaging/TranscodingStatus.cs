namespace OrleansConsult.Line.Messaging;

/// <summary>GET /v2/bot/message/{id}/content/transcoding: "processing", "succeeded" or "failed".</summary>
public sealed record TranscodingStatus(string? Status);
