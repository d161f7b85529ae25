namespace OrleansConsult.Abstractions;

/// <summary>Bytes read back from the media store, opened, with the type to serve them as.</summary>
public sealed record MediaContent(byte[] Bytes, string ContentType, string Kind);
