namespace OrleansConsult.Line.Messaging;

public sealed record QuickReplyItem(LineAction Action)
{
    public string Type => "action";
    public string? ImageUrl { get; init; }
}
