namespace OrleansConsult.Line;

public enum LineChannelRole
{
    /// <summary>The public official account consultees talk to.</summary>
    Consultee,

    /// <summary>The account counselors and nurses use.</summary>
    Staff,
}

public sealed record LineChannel(string Name, string Secret, string AccessToken, LineChannelRole Role);

/// <summary>The "Line" configuration section.</summary>
public sealed record LineOptions(Uri ApiBaseUrl, Uri DataApiBaseUrl, IReadOnlyDictionary<string, LineChannel> Channels)
{
    public const string Section = "Line";
}

public sealed class LineConfigurationException(string message) : Exception(message);
