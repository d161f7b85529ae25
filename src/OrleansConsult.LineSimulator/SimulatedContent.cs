namespace OrleansConsult.LineSimulator;

/// <summary>The content of an image, video, audio or file a simulated user sent, served on the data API.</summary>
public sealed record SimulatedContent(byte[] Bytes, string ContentType, byte[]? Preview = null, string? PreviewType = null);
