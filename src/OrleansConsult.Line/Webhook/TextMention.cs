namespace OrleansConsult.Line.Webhook;

public sealed record TextMention
{
    public IReadOnlyList<Mentionee> Mentionees { get; init; } = [];
}
