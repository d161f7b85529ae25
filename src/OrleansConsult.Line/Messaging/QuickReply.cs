namespace OrleansConsult.Line.Messaging;

public sealed record QuickReply(IReadOnlyList<QuickReplyItem> Items);
