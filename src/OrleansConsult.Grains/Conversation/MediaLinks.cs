namespace OrleansConsult.Grains.Conversation;

/// <summary>The original's URL and, for an image or video, its preview image's; both stop working after <see cref="ValidMinutes"/>.</summary>
public sealed record MediaLinks(string Original, string? Preview, int ValidMinutes);
