using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The roster: counselors as they report themselves (出勤, 休憩, 退勤), who leave it when the program's roster in use no
/// longer lets them take offers here, and the nudge to go 退勤 once a shift is over (<see cref="ShiftNudgePolicy"/>).
/// </summary>
public sealed partial class DispatcherGrain
{
    public Task UpdateCounselorAsync(CounselorStatus status) => WorkAsync(() => UpdateCounselorCoreAsync(status));

    private async Task UpdateCounselorCoreAsync(CounselorStatus status)
    {
        if (!directory.MayTakeOffersFrom(status.CounselorId, Key))
        {
            // Not on this roster (removed, inactive, moved): her reports change nothing here.
            await PumpAsync();
            return;
        }
        var returning = !S.Roster.TryGetValue(status.CounselorId, out var entry) || entry.Status.Presence != Presence.Available;
        if (entry is null)
        {
            S.Roster[status.CounselorId] = entry = new RosterEntry();
        }
        entry.Status = status;
        if (status.Presence == Presence.OffShift || status.OffShiftAt > clock.GetUtcNow())
        {
            entry.OffShiftNudgedAt = null;
        }
        if (status.Presence != Presence.Available && entry.OfferCaseId is { } offered && Find(offered) is { } q && q.OfferedTo == status.CounselorId)
        {
            // Going on a break or off shift hands her pending offer back; she may be asked again later.
            ReleaseOffer(q, status.CounselorId, OfferReturn.Unavailable);
        }
        if (status.Presence == Presence.Available && returning)
        {
            // 出勤, or back from 休憩: what waits is offered to her now, lapsed offers of hers included.
            foreach (var unpaused in OfferPolicy.Returned(S.Queue, status.CounselorId))
            {
                _queue.Touch(unpaused);
            }
        }
        await PumpAsync();
    }

    /// <summary>Counselors the roster in use no longer lets take offers here leave it; an offer out to one of them comes back.</summary>
    private void DropOffRoster()
    {
        foreach (var (counselorId, entry) in S.Roster.Where(r => !directory.MayTakeOffersFrom(r.Key, Key)).ToList())
        {
            if (entry.OfferCaseId is { } caseId && Find(caseId) is { } q && q.OfferedTo == counselorId)
            {
                ReleaseOffer(q, counselorId, OfferReturn.Roster);
            }
            S.Roster.Remove(counselorId);
            LogLeftRoster(logger, Key, counselorId);
        }
    }

    /// <summary>Tells on-shift counselors whose shift is over to go 退勤, when <see cref="ShiftNudgePolicy"/> says so.</summary>
    private void NudgeShiftsOver(DateTimeOffset now, bool closing)
    {
        foreach (var entry in S.Roster.Values.Where(r => ShiftNudgePolicy.Due(r, now, closing)))
        {
            entry.OffShiftNudgedAt = now;
            _ = Counselor(entry.Status.CounselorId).AreaClosedAsync(Key);
        }
    }

    /// <summary>Counselors the roster lets work here who are on shift (出勤 or 休憩).</summary>
    private IEnumerable<string> OnShift() =>
        S.Roster.Values.Where(r => r.Status.Presence != Presence.OffShift && directory.MayTakeOffersFrom(r.Status.CounselorId, Key))
            .Select(r => r.Status.CounselorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dispatcher {Dispatcher}: counselor {CounselorId} is no longer on its roster")]
    private static partial void LogLeftRoster(ILogger logger, string dispatcher, string counselorId);
}
