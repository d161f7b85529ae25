namespace OrleansConsult.Line.Messaging;

/// <summary>The content is larger than the limit the caller gave: not read further, not kept.</summary>
public sealed class LineContentTooLargeException(long limit) : Exception($"content larger than {limit} bytes")
{
    public long Limit { get; } = limit;
}
