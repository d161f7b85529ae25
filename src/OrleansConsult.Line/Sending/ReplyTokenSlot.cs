using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Sending;

/// <summary>An unused reply token of the recipient and when its webhook arrived.</summary>
public sealed record ReplyTokenSlot(string Token, DateTimeOffset ReceivedAt);
