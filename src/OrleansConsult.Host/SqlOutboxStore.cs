using System.Text.Json;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Storage;

namespace OrleansConsult.Host;

/// <summary>The LINE layer's outbox contract on the project's database (sealed rows in oc_line_outbox).</summary>
public sealed class SqlOutboxStore(SqlOutbox outbox, LinePseudonyms pseudonyms, TimeProvider clock) : IOutboxStore
{
    public async Task EnqueueAsync(OutboxItem item, CancellationToken cancellationToken = default) =>
        await outbox.EnqueueAsync(new OutboxRecord(
            item.Id,
            item.Channel,
            JsonSerializer.Serialize(new OutboxPayload(item.To.ToArray(), item.MessagesJson), OutboxJsonContext.Default.OutboxPayload),
            item.Attempts,
            item.NextAttemptAt,
            item.CreatedAt,
            item.LastError,
            item.To is [var to] ? await RecipientAsync(item.Channel, to) : null,
            item.ParkReason?.Name(),
            item.Origin), cancellationToken);

    public async Task<bool> HasPendingForAsync(string channel, string userId, CancellationToken cancellationToken = default) =>
        await outbox.HasPendingForAsync(await RecipientAsync(channel, userId), cancellationToken);

    /// <summary>
    /// A single recipient is named in the table by her grain key (channel and keyed pseudonym), never
    /// her LINE user id: her erasure finds her rows by it.
    /// </summary>
    private async Task<string> RecipientAsync(string channel, string userId) =>
        OrleansConsult.Abstractions.GrainKeys.LineUser(channel, await pseudonyms.OfAsync(channel, userId));

    public async Task<IReadOnlyList<OutboxItem>> DequeueDueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken = default)
    {
        var records = await outbox.ClaimDueAsync(now, max, cancellationToken);
        return records.Select(r =>
        {
            var payload = JsonSerializer.Deserialize(r.Payload, OutboxJsonContext.Default.OutboxPayload)!;
            return new OutboxItem(r.RetryKey, r.Channel, payload.To, payload.Messages, r.Attempts, r.NextAttemptAt, r.CreatedAt)
            {
                LastError = r.LastError,
                Origin = r.Origin,
            };
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
