namespace OrleansConsult.Host;

/// <summary>Which kind of LINE user a channel's events come from.</summary>
public enum ChannelAudience
{
    Consultee,
    Staff,
}
