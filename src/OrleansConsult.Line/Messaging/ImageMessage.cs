namespace OrleansConsult.Line.Messaging;

/// <summary>HTTPS URLs; the original JPEG or PNG up to 10 MB, the preview up to 1 MB.</summary>
public sealed record ImageMessage(string OriginalContentUrl, string PreviewImageUrl) : LineMessage;
