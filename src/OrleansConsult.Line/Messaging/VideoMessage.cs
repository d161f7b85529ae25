namespace OrleansConsult.Line.Messaging;

/// <summary>HTTPS URLs; an mp4 up to 200 MB and a JPEG or PNG preview up to 1 MB.</summary>
public sealed record VideoMessage(string OriginalContentUrl, string PreviewImageUrl) : LineMessage;
