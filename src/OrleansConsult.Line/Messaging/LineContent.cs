namespace OrleansConsult.Line.Messaging;

/// <summary>The bytes of a message's content as LINE (or an external provider) served them.</summary>
public sealed record LineContent(byte[] Bytes, string ContentType);

/// <summary>The content is larger than the limit the caller gave: not read further, not kept.</summary>
public sealed class LineContentTooLargeException(long limit) : Exception($"content larger than {limit} bytes")
{
    public long Limit { get; } = limit;
}
