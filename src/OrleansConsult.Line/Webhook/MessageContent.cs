namespace OrleansConsult.Line.Webhook;

/// <summary>Message content; the concrete type follows "type". Unknown types keep their raw type.</summary>
public abstract record MessageContent
{
    public string Id { get; init; } = "";
    public string Type { get; init; } = "";
    public string? QuoteToken { get; init; }

    /// <summary>Marks this message and every earlier one read (manual read mode; POST /v2/bot/chat/markAsRead). No expiry.</summary>
    public string? MarkAsReadToken { get; init; }
}
