using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Her counselor's side of the case: connecting on an accepted offer (what she wrote while waiting first, then
/// 既読), the counselor's messages, /終了, /メモ and /転送.
/// </summary>
public sealed partial class ConsultationGrain
{
    public async Task<bool> ConnectAsync(string counselorId, string staffLineKey, string dispatcherKey)
    {
        if (S.Status == CaseStatus.Connected)
        {
            return S.CounselorId == counselorId;
        }
        if (!S.Opened || S.Status is not (CaseStatus.Waiting or CaseStatus.LeftMessage))
        {
            // Not opened: an erased or expired case (its empty state reads as Waiting).
            return false;
        }
        var now = clock.GetUtcNow();
        var pool = dispatcherKey.StartsWith("pool:", StringComparison.Ordinal);
        S.Status = CaseStatus.Connected;
        S.CounselorId = counselorId;
        S.StaffLineKey = staffLineKey;
        S.DispatcherKey = dispatcherKey;
        S.HandledBy = pool ? "pool" : "local";
        S.AcceptedAt ??= now;
        S.LastConsulteeAt = now;
        S.IdleWarned = false;
        await Records.ConnectedAsync(now, pool ? dispatcherKey["pool:".Length..] : S.TenantId, pool, counselorId);
        await SaveAsync();

        var connect = $"connect/{counselorId}/{S.Journal.Count}";
        await Relay.ToConsulteeAsync(connect, new Outgoing(Say.Connected(directory.Staff(counselorId)?.Role ?? (pool ? Tenancy.StaffRole.Nurse : null))));
        Routing.Told(ProgressPolicy.Key("connected", dispatcherKey));
        // What she wrote while waiting reaches the counselor first, in order.
        await Relay.ToCounselorAsync(connect, CaseTexts.Connected(Tag, S.AreaName, S.Urgent, await Relay.TranscriptAsync()));
        // The counselor has what she wrote while waiting in front of her now: 既読.
        await Consultee.MarkReadAsync();
        await Timers.RemindWhileConnectedAsync();
        ArmIdleTimer();
        await CallSupervisorsIfUrgentAsync();
        return true;
    }

    public async Task<bool> FromCounselorAsync(string counselorId, string eventId, string text, MediaRef? media = null)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return false;
        }
        using var span = EngineTracing.Source.StartActivity("case.from_counselor");
        span?.SetTag(EngineTracing.CaseTag, Tag);
        await Relay.CounselorToConsulteeAsync(eventId, clock.GetUtcNow(), text, media);
        return true;
    }

    /// <summary>The outbox parked a relay LINE refused: its writer hears it did not arrive.</summary>
    public Task RelayParkedAsync(string direction, string eventId) => Relay.TellRefusedAsync(direction, eventId);

    public async Task<bool> EndAsync(string counselorId)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return false;
        }
        await CloseAsync("ended", tellConsultee: true);
        return true;
    }

    public async Task<bool> AddNoteAsync(string counselorId, string note)
    {
        if (S.CounselorId != counselorId)
        {
            return false;
        }
        S.Notes.Add(CaseTexts.Note(clock.GetUtcNow(), note));
        await SaveAsync();
        return true;
    }

    public async Task<string?> TransferAsync(string counselorId)
    {
        if (S.Status != CaseStatus.Connected || S.CounselorId != counselorId)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var target = Routing.TransferTarget(now);
        S.Journal.Add(new JournalEntry(now, "transferred", S.DispatcherKey, counselorId, target.Key));
        S.ExcludedCounselors.Add(counselorId);
        S.CounselorId = null;
        S.StaffLineKey = null;
        S.Status = CaseStatus.Waiting;
        await Relay.ToConsulteeAsync($"transfer/{S.Journal.Count}", new Outgoing(BotText.Get("Transferred")));
        await Routing.RouteAsync(target.Key, $"transfer{S.Journal.Count}");
        await SaveAsync();
        return target.IsPool ? target.Name : BotText.Get("Queue.Local");
    }
}
