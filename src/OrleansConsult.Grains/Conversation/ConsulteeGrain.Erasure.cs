using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// 「相談記録の削除」: she asks, confirms with [削除する], and everything the system keeps of her is
/// deleted, not hidden: her open case is closed first (her counselor is told), then every case of hers
/// (state row, transcript, index row), her outbox rows and her own state row. What remains is an
/// erasure record: her grain key (a pseudonym), the time and the counts. Afterwards she is like a new follower.
/// Working the confirming event again after a crash repeats the deletes (each one finds less) and
/// records nothing twice.
/// </summary>
public sealed partial class ConsulteeGrain
{
    private const string EraseYes = "erase:yes";
    private const string EraseNo = "erase:no";

    private Task AskErasureAsync() => SayAsync(new Outgoing(BotText.Get("Erasure.Confirm"),
    [
        new(BotText.Get("Erasure.Yes"), PostbackData: EraseYes),
        new(BotText.Get("Erasure.No"), PostbackData: EraseNo),
    ]));

    /// <summary>Her answer to the confirmation; false when the postback is something else.</summary>
    private async Task<bool> AnswerErasureAsync(string data)
    {
        if (data == EraseNo)
        {
            await SayAsync(S.Consent == true ? Say.WithMenu(BotText.Get("Erasure.Cancelled")) : new Outgoing(BotText.Get("Erasure.Cancelled")));
            return true;
        }
        if (data != EraseYes)
        {
            return false;
        }

        var key = LineUserKey;
        var index = ServiceProvider.GetRequiredService<ICaseIndex>();
        var store = ServiceProvider.GetRequiredService<IErasureStore>();
        var cases = (await index.CasesOfAsync(key)).ToHashSet(StringComparer.Ordinal);
        if (S.OpenCaseId is { } open)
        {
            cases.Add(open);
        }
        int erasedCases = 0, transcriptRows = 0;
        foreach (var caseId in cases)
        {
            var erased = await GrainFactory.GetGrain<ICaseRetentionGrain>(caseId).EraseForConsulteeAsync(key);
            erasedCases += erased.Deleted ? 1 : 0;
            transcriptRows += erased.TranscriptRows;
        }
        // Outbox rows name a single recipient by her grain key (channel and pseudonym), and a relay by its case:
        // her words on their way to the counselor go too.
        var outboxRows = await store.DeleteOutboxRowsAsync(key, cases);
        var record = new ErasureRecord(RetryKeys.For($"{key}/{_eventId}/erasure").ToString("N"), key, ServiceProvider.GetRequiredService<EngineClock>().GetUtcNow(),
            erasedCases, transcriptRows, outboxRows);
        await store.RecordAsync(record);
        await EraseStoredStateAsync();
        LogErased(Logger, record.Id, erasedCases, transcriptRows, outboxRows);
        await SayAsync(new Outgoing(BotText.Get("Erasure.Done")));
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure {ErasureId}: {Cases} case(s), {TranscriptRows} transcript row(s), {OutboxRows} outbox row(s) deleted")]
    private static partial void LogErased(ILogger logger, string erasureId, int cases, int transcriptRows, int outboxRows);
}
