namespace OrleansConsult.Line.Messaging;

/// <summary>An HTTPS URL of an mp3 or m4a up to 200 MB; <see cref="Duration"/> in milliseconds.</summary>
public sealed record AudioMessage(string OriginalContentUrl, long Duration) : LineMessage;
