using System.Diagnostics;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Supervision;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// What a case sends and keeps: every message to its consultee or its counselor's staff LINE user goes here,
/// with a retry key made from the case and its cause (so a repeat after a crash is dropped by LINE), and
/// every relayed message is appended to the case's transcript first (entry id = the event id, so a repeat
/// inserts nothing). A relay is tagged with its origin so the outbox can name its case if it must wait there;
/// a copy goes to each watching supervisor after it.
/// </summary>
public sealed class CaseRelay(string caseId, IPersistentState<ConsultationState> state, IGrainFactory grains, ITranscriptStore transcripts)
{
    private ConsultationState S => state.State;

    public string Tag { get; } = CaseIds.Tag(caseId);

    public IConsulteeGrain Consultee => grains.GetGrain<IConsulteeGrain>(S.ConsulteeKey);

    public Task<bool> AppendAsync(string eventId, DateTimeOffset at, TranscriptAuthor author, string text) =>
        transcripts.AppendAsync(new TranscriptEntry(caseId, S.TenantId, eventId, at, author, text));

    public Task<IReadOnlyList<TranscriptEntry>> TranscriptAsync() => transcripts.ReadAsync(caseId);

    public Task<DeliveryOutcome> ToConsulteeAsync(string cause, params Outgoing[] messages) =>
        Consultee.DeliverAsync(messages, RetryKeys.For($"{caseId}/to-consultee/{cause}"));

    /// <summary>To the counselor's staff LINE user; nothing while nobody has the case.</summary>
    public Task<DeliveryOutcome> ToCounselorAsync(string cause, params Outgoing[] messages) =>
        S.StaffLineKey is { } staff
            ? grains.GetGrain<IStaffLineUserGrain>(staff).DeliverAsync(messages, RetryKeys.For($"{caseId}/to-counselor/{cause}"))
            : Task.FromResult(DeliveryOutcome.Sent);

    /// <summary>
    /// Her message (already in the transcript) to her counselor, with the case tag (and 【緊急】) in front and her tag
    /// as a quick reply: one tap makes this case the one the counselor writes to. Then the watchers' copies, and
    /// her notice if LINE refused it.
    /// </summary>
    public async Task ConsulteeToCounselorAsync(string eventId, string text, bool urgent, MediaRef? media)
    {
        var started = Stopwatch.GetTimestamp();
        var menu = Say.StaffMenu([(caseId, Tag)]);
        var relay = media is null
            ? new Outgoing(CaseTexts.ToCounselor(Tag, urgent, text), menu)
            : MediaRelay.Relay(CaseTexts.ToCounselor(Tag, urgent, ""), media, menu);
        var relayed = await RelayAsync(OutboxOrigins.ToCounselor, eventId, relay);
        ConversationMetrics.Relayed("to-counselor", Stopwatch.GetElapsedTime(started));
        await CopyToWatchersAsync(fromConsultee: true, eventId, text, media);
        if (relayed == DeliveryOutcome.Parked)
        {
            await TellRefusedAsync(OutboxOrigins.ToCounselor, eventId);
        }
    }

    /// <summary>
    /// The counselor's answer: into the transcript, to the consultee (a picture she could not fetch: the counselor
    /// hears it was not sent), her messages marked read, the watchers' copies, the counselor's notice if LINE refused it.
    /// </summary>
    public async Task CounselorToConsulteeAsync(string eventId, DateTimeOffset at, string text, MediaRef? media)
    {
        var started = Stopwatch.GetTimestamp();
        await AppendAsync(eventId, at, TranscriptAuthor.Counselor, text);
        DeliveryOutcome? relayed = null;
        if (media is { Stored: false })
        {
            await ToCounselorAsync($"media-not-sent/{eventId}", CaseTexts.MediaNotSent(Tag, media.Kind));
        }
        else
        {
            relayed = await RelayAsync(OutboxOrigins.ToConsultee, eventId, media is null ? new Outgoing(text) : new Outgoing("", Media: media));
        }
        // She answered (even with a picture that could not go): what the consultee wrote so far has been read by a
        // person. One-way and after the relay, so LINE's markAsRead call never stands between the answer and her phone.
        await Consultee.MarkReadAsync();
        if (relayed is null)
        {
            return;
        }
        ConversationMetrics.Relayed("to-consultee", Stopwatch.GetElapsedTime(started));
        await CopyToWatchersAsync(fromConsultee: false, eventId, text, media);
        if (relayed == DeliveryOutcome.Parked)
        {
            await TellRefusedAsync(OutboxOrigins.ToConsultee, eventId);
        }
    }

    /// <summary>A relay of one event to the other side, tagged so the outbox can name its case if it must wait there.</summary>
    public async Task<DeliveryOutcome> RelayAsync(string direction, string eventId, Outgoing message)
    {
        RequestContext.Set(OutboxOrigins.RequestContextKey, OutboxOrigins.Relay(caseId, direction, eventId));
        try
        {
            return direction == OutboxOrigins.ToCounselor ? await ToCounselorAsync(eventId, message) : await ToConsulteeAsync(eventId, message);
        }
        finally
        {
            RequestContext.Remove(OutboxOrigins.RequestContextKey);
        }
    }

    /// <summary>
    /// After a silo died, both LINE users' grains may hold stored events nobody has activated them to work:
    /// waking them (from the case's reminder) keeps a connected chat flowing within one reminder period.
    /// </summary>
    public async Task WakeBothAsync()
    {
        await Consultee.ProcessPendingAsync();
        if (S.StaffLineKey is { } staff)
        {
            await grains.GetGrain<IStaffLineUserGrain>(staff).ProcessPendingAsync();
        }
    }

    /// <summary>
    /// LINE refused a relay (kept, re-sent later): its writer must not think it was read. At once or
    /// later from the outbox, the notice has one retry key per relay, so she hears it once.
    /// </summary>
    public Task TellRefusedAsync(string direction, string eventId) => direction == OutboxOrigins.ToCounselor
        ? ToConsulteeAsync($"undelivered/{eventId}", CaseTexts.NotDelivered(Tag, toConsultee: true))
        : ToCounselorAsync($"undelivered/{eventId}", CaseTexts.NotDelivered(Tag, toConsultee: false));

    /// <summary>
    /// A copy of one relayed message to each watching supervisor, marked as a copy; its retry key is the relay's
    /// event and the supervisor, so a redelivered webhook copies nothing twice.
    /// </summary>
    private async Task CopyToWatchersAsync(bool fromConsultee, string eventId, string text, MediaRef? media)
    {
        foreach (var watcher in S.Watchers.ToList())
        {
            var direction = fromConsultee ? "consultee" : "counselor";
            await grains.GetGrain<IStaffLineUserGrain>(watcher.StaffLineKey).DeliverAsync(
                [SupervisionSay.Copy(caseId, fromConsultee, text, media)],
                RetryKeys.For($"{caseId}/sv-copy/{watcher.SupervisorId}/{direction}/{eventId}"));
        }
    }
}
