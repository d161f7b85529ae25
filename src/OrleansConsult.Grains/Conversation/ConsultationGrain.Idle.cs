using OrleansConsult.Abstractions;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The idle deadline of a connected case: <see cref="IdlePolicy"/> decides, <see cref="CaseTimers"/> wakes the
/// grain (its timer, and the reminder that re-activates it after a silo died).
/// </summary>
public sealed partial class ConsultationGrain
{
    public async Task TickAsync()
    {
        if (S.Status != CaseStatus.Connected)
        {
            return;
        }
        var timeouts = directory.TimeoutsOf(S.TenantId);
        switch (IdlePolicy.StepAt(S.LastConsulteeAt, S.IdleWarned, timeouts, clock.GetUtcNow()))
        {
            case IdleStep.Close:
                await CloseAsync("idle", tellConsultee: true);
                return;
            case IdleStep.Warn:
                S.IdleWarned = true;
                await SaveAsync();
                await Relay.ToCounselorAsync($"idlewarn/{S.LastConsulteeAt.UtcTicks}", CaseTexts.IdleWarning(Tag, timeouts.IdleWarnAfter));
                break;
        }
        ArmIdleTimer();
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (S.Status == CaseStatus.Connected)
        {
            await Relay.WakeBothAsync();
        }
        await TickAsync();
    }

    /// <summary>Connected: the timer for the next idle deadline; otherwise none.</summary>
    private void ArmIdleTimer()
    {
        if (S.Status != CaseStatus.Connected)
        {
            Timers.Disarm();
            return;
        }
        Timers.ArmIdle(IdlePolicy.NextCheck(S.LastConsulteeAt, S.IdleWarned, directory.TimeoutsOf(S.TenantId), clock.GetUtcNow()));
    }
}
