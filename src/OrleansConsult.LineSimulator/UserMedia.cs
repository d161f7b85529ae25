namespace OrleansConsult.LineSimulator;

public sealed record UserMedia(string? Base64, string? ContentType = null, string? FileName = null);
