using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// Her presence and shift: 出勤/休憩/退勤 from the rich menu, and the shift that ends by itself at her area's
/// closing (<see cref="ShiftPolicy"/> for when, <see cref="OffShiftTimer"/> to wake her grain, her dispatcher's
/// <see cref="AreaClosedAsync"/> as the back-up).
/// </summary>
public sealed partial class CounselorGrain
{
    private async Task SetPresenceAsync(Presence presence)
    {
        var now = clock.GetUtcNow();
        if (Rostered is not { } member)
        {
            // Removed or inactive: no shift to start; whatever cases she has stay hers to finish.
            S.Presence = Presence.OffShift;
            S.OffShiftAt = null;
            await state.WriteStateAsync();
            ArmOffShiftTimer();
            await SayAsync(BotText.Get("Staff.NotOnRoster"));
            return;
        }
        if (presence == Presence.Available && S.Presence != Presence.Available && S.Active.Count == 0)
        {
            S.IdleSince = now;
        }
        var home = directory.FindDispatcher(member.DispatcherKey);
        S.OffShiftAt = ShiftPolicy.OffShiftAtAfter(presence, S.OffShiftAt, home?.Schedule, now);
        S.Presence = presence;
        await state.WriteStateAsync();
        ArmOffShiftTimer();
        await ReportAsync();
        await SayAsync(Say.PresenceSet(member, presence, home, now) + SupervisorPresenceNote(member, presence));
    }

    /// <summary>Sleeps until her shift ends; when the grain was asleep, activation re-arms it from state.</summary>
    private void ArmOffShiftTimer() => OffShift.Arm(S.Presence == Presence.OffShift, S.OffShiftAt);

    private async Task ShiftTimerAsync()
    {
        if (S.Presence != Presence.OffShift && S.OffShiftAt is { } at && at <= clock.GetUtcNow())
        {
            await EndShiftAsync();
            return;
        }
        ArmOffShiftTimer();
    }

    public async Task AreaClosedAsync(string dispatcherKey)
    {
        // Her dispatcher saw her area close, or saw her still on shift after it: her shift is over unless she came
        // on for a later opening. Only her own area's closing counts.
        if (S.Presence == Presence.OffShift || directory.Staff(Id)?.DispatcherKey != dispatcherKey
            || !ShiftPolicy.IsOver(S.OffShiftAt, clock.GetUtcNow()))
        {
            return;
        }
        await EndShiftAsync();
    }

    /// <summary>Her area closed: 退勤 by itself, with a notice; her open cases stay hers, no new offers come.</summary>
    private async Task EndShiftAsync()
    {
        Voice.Begin($"shiftend/{S.OffShiftAt?.UtcTicks}");
        await GoOffShiftAsync();
        var home = directory.Staff(Id) is { } member ? directory.FindDispatcher(member.DispatcherKey) : null;
        await SayAsync(Say.AutoOffShift(home?.Name ?? "", S.Active.Select(a => CaseIds.Tag(a.CaseId)).ToList()));
        LogShiftEnded(logger, Id);
    }

    /// <summary>退勤 not of her own saying (her area closed, a supervisor): written, her dispatcher told; she is told by the caller.</summary>
    private async Task GoOffShiftAsync()
    {
        S.Presence = Presence.OffShift;
        S.OffShiftAt = null;
        await state.WriteStateAsync();
        ArmOffShiftTimer();
        await ReportAsync();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId}: shift ended at her area's closing")]
    private static partial void LogShiftEnded(ILogger logger, string counselorId);
}
