namespace OrleansConsult.Line.Messaging;

/// <summary>A message breaks a Messaging API limit; names the field and the limit. Never retried or queued.</summary>
public sealed class LineMessageValidationException(string field, string limit)
    : Exception($"{field}: {limit}")
{
    public string Field { get; } = field;
    public string Limit { get; } = limit;
}
