using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;

namespace OrleansConsult.Line.Sending;

/// <summary>
/// Reply-token-first: a reply is free, a push is billed. Replies when the token is young enough
/// (validity minus a safety margin, on <see cref="TimeProvider"/>), else pushes; a reply that LINE
/// refuses as "Invalid reply token" is sent again as a push, unless it retries a send that may
/// already have used the token (<see cref="ReplyTokenSlot.RetryOfSameSend"/>): then it was delivered.
/// </summary>
public sealed partial class LineSender(
    LineMessagingClient client, IOptionsMonitor<LineOptions> options, LineMetrics metrics, TimeProvider clock, ILogger<LineSender> logger)
{
    private long _replies;
    private long _pushes;

    public long Replies => Interlocked.Read(ref _replies);
    public long Pushes => Interlocked.Read(ref _pushes);

    public async Task<SendOutcome> SendAsync(
        string channel, string userId, IReadOnlyList<LineMessage> messages, ReplyTokenSlot? token, Guid retryKey, CancellationToken cancellationToken = default)
    {
        LineMessageValidator.ValidateMessages(messages);
        using var span = LineTracing.Source.StartActivity("line.send", ActivityKind.Client);
        span?.SetTag("oc.channel", channel);
        span?.SetTag("oc.messages", messages.Count);
        var tokenSpent = false;
        if (token is not null)
        {
            if (IsFresh(token))
            {
                try
                {
                    var replied = await client.ReplyAsync(channel, token.Token, messages, cancellationToken);
                    Interlocked.Increment(ref _replies);
                    span?.SetTag("oc.send.path", "reply");
                    return new SendOutcome(SendPath.Reply, replied) { TokenSpent = true };
                }
                catch (LineInvalidReplyTokenException) when (token.RetryOfSameSend)
                {
                    // The token was spent by this send's earlier attempt (only this send ever held it): delivered.
                    metrics.ReplyFallback(channel, "already-delivered");
                    span?.SetTag("oc.send.path", "reply-repeat");
                    return new SendOutcome(SendPath.Reply, null) { TokenSpent = true, AlreadyDelivered = true };
                }
                catch (LineInvalidReplyTokenException)
                {
                    tokenSpent = true;
                    metrics.ReplyFallback(channel, "invalid");
                    LogFallback(logger, channel, "LINE refused the reply token");
                }
            }
            else
            {
                metrics.ReplyFallback(channel, "expired");
                LogFallback(logger, channel, "the reply token is too old");
            }
        }

        var pushed = await client.PushAsync(channel, userId, messages, retryKey, cancellationToken);
        Interlocked.Increment(ref _pushes);
        span?.SetTag("oc.send.path", "push");
        return new SendOutcome(SendPath.Push, pushed) { TokenSpent = tokenSpent };
    }

    /// <summary>Younger than validity minus margin by this sender's clock.</summary>
    public bool IsFresh(ReplyTokenSlot token)
    {
        var sending = options.CurrentValue.Sending;
        var age = clock.GetUtcNow() - token.ReceivedAt;
        return age >= TimeSpan.Zero - TimeSpan.FromSeconds(5) && age < sending.ReplyTokenValidity - sending.ReplyTokenSafetyMargin;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Reply on {Channel} sent as push: {Reason}")]
    private static partial void LogFallback(ILogger logger, string channel, string reason);
}
