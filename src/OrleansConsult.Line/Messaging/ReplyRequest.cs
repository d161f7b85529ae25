namespace OrleansConsult.Line.Messaging;

public sealed record ReplyRequest(string ReplyToken, IReadOnlyList<LineMessage> Messages);
