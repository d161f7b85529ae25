namespace OrleansConsult.Line.Messaging;

/// <summary>The bytes of a message's content as LINE (or an external provider) served them.</summary>
public sealed record LineContent(byte[] Bytes, string ContentType);
