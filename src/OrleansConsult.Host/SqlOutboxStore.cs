using System.Text.Json;
using System.Text.Json.Serialization;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>The LINE layer's outbox contract on the project's database (sealed rows in oc_line_outbox).</summary>
public sealed class SqlOutboxStore(SqlOutbox outbox, TimeProvider clock) : IOutboxStore
{
    public Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default) =>
        outbox.EnqueueAsync(new OutboxRecord(
            item.Id,
            item.Channel,
            JsonSerializer.Serialize(new OutboxPayload(item.To.ToArray(), item.MessagesJson), OutboxJsonContext.Default.OutboxPayload),
            item.Attempts,
            item.NextAttemptAt,
            item.CreatedAt,
            item.LastError,
            item.To is [var to] ? OutboxRecord.RecipientKey(item.Channel, to) : null,
            item.ParkReason?.Name()), cancellationToken);

    public Task<bool> HasPendingForAsync(string channel, string userId, CancellationToken cancellationToken = default) =>
        outbox.HasPendingForAsync(OutboxRecord.RecipientKey(channel, userId), cancellationToken);

    public async Task<IReadOnlyList<OutboxItem>> DequeueDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var records = await outbox.ClaimDueAsync(now, max, cancellationToken);
        return records.Select(r =>
        {
            var payload = JsonSerializer.Deserialize(r.Payload, OutboxJsonContext.Default.OutboxPayload)!;
            return new OutboxItem(r.RetryKey, r.Channel, payload.To, payload.Messages, r.Attempts, r.NextAttemptAt, r.CreatedAt) { LastError = r.LastError };
        }).ToList();
    }

    public Task MarkDeliveredAsync(Guid id, CancellationToken cancellationToken = default) =>
        outbox.MarkDeliveredAsync(id, clock.GetUtcNow(), cancellationToken);

    public Task RescheduleAsync(Guid id, DateTimeOffset nextAttempt, string lastError, CancellationToken cancellationToken = default) =>
        outbox.RescheduleAsync(id, nextAttempt, lastError, cancellationToken);

    public Task ParkAsync(Guid id, OutboxParkReason reason, string lastError, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        outbox.ParkAsync(id, reason.Name(), lastError, at, cancellationToken);

    public Task<int> ReleaseParkedAsync(OutboxParkReason? reason, DateTimeOffset parkedBefore, CancellationToken cancellationToken = default) =>
        outbox.ReleaseParkedAsync(reason?.Name(), parkedBefore, cancellationToken);
}

/// <summary>Recipients and the Messaging API JSON of the messages: personal data, sealed by SqlOutbox.</summary>
public sealed record OutboxPayload(string[] To, string Messages);

[JsonSerializable(typeof(OutboxPayload))]
internal sealed partial class OutboxJsonContext : JsonSerializerContext;
