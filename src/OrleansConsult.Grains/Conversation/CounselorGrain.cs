using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A counselor or nurse working from her own LINE: presence, capacity, offers with
/// [対応する][見送る], several cases at once with a current one, and the commands
/// /終了 /メモ /転送 /一覧 /定型. Her dispatcher learns every change of presence and load. Her shift
/// ends by itself at her area's closing (a deadline in state, a timer re-armed on activation, and
/// her dispatcher's reminder as the durable back-up); only the roster in use lets her take offers.
/// </summary>
public sealed partial class CounselorGrain(
    [PersistentState("counselor", StorageNames.State)] IPersistentState<CounselorState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ILogger<CounselorGrain> logger) : Grain, ICounselorGrain
{
    private string _cause = "";
    private int _sent;
    private IGrainTimer? _offShiftTimer;

    private CounselorState S => state.State;
    private string Id => this.GetPrimaryKeyString();

    /// <summary>Her roster entry when the roster in use lets her take offers at all (on it and active).</summary>
    private Tenancy.StaffMember? Rostered => directory.Staff(Id) is { Active: true } member ? member : null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmOffShiftTimer();
        return Task.CompletedTask;
    }

    public async Task<EnrollResult> EnrollAsync(string staffLineKey, string code)
    {
        var staff = directory.Staff(Id);
        if (staff is null || !string.Equals(staff.EnrollmentCode, code.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return EnrollResult.Refused;
        }
        if (S.StaffLineKey is not null)
        {
            // One-time: once bound, the code binds nobody else.
            return S.StaffLineKey == staffLineKey ? EnrollResult.AlreadyYours : EnrollResult.Refused;
        }
        S.StaffLineKey = staffLineKey;
        await state.WriteStateAsync();
        LogEnrolled(logger, Id);
        return EnrollResult.Enrolled;
    }

    public async Task<EnrollResult> BindAsync(string staffLineKey)
    {
        if (S.StaffLineKey == staffLineKey)
        {
            return EnrollResult.AlreadyYours;
        }
        if (S.StaffLineKey is not null)
        {
            // A new invitation used on another phone: the old one is cut off first.
            await ReleaseAsync();
        }
        S.StaffLineKey = staffLineKey;
        await state.WriteStateAsync();
        LogEnrolled(logger, Id);
        return EnrollResult.Enrolled;
    }

    public async Task<LeaveResult> LeaveAsync(string staffLineKey)
    {
        if (S.StaffLineKey != staffLineKey)
        {
            return LeaveResult.NotBound;
        }
        if (S.Active.Count > 0)
        {
            return LeaveResult.HasOpenCases;
        }
        await ReleaseAsync();
        return LeaveResult.Left;
    }

    public async Task<UnbindResult> UnbindAsync()
    {
        if (S.StaffLineKey is null)
        {
            return new UnbindResult(false, 0, 0);
        }
        var (cases, offers) = await ReleaseAsync();
        LogUnbound(logger, Id, cases);
        return new UnbindResult(true, cases, offers);
    }

    /// <summary>
    /// Ends her LINE binding without stranding anyone: pending offers go back to their dispatchers,
    /// open cases are handed back (to the pool or the area's queue, as /転送 does), she goes off shift.
    /// Her cases and offers stay in state until they are handed back, so a retry after a crash finishes the job.
    /// </summary>
    private async Task<(int Cases, int Offers)> ReleaseAsync()
    {
        // Off shift first, so the dispatcher does not offer her what she is handing back.
        S.Presence = Presence.OffShift;
        await ReportAsync();
        var offers = S.Offers.ToList();
        foreach (var offer in offers)
        {
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(offer.CaseId, Id);
        }
        var cases = S.Active.ToList();
        foreach (var open in cases)
        {
            await GrainFactory.GetGrain<IConsultationGrain>(open.CaseId).TransferAsync(Id);
        }
        S.StaffLineKey = null;
        S.Offers.Clear();
        S.Active.Clear();
        S.CurrentCaseId = null;
        S.IdleSince = clock.GetUtcNow();
        await state.WriteStateAsync();
        await ReportAsync();
        return (cases.Count, offers.Count);
    }

    public async Task<bool> HandleInputAsync(string staffLineKey, string eventId, string? text, string? postbackData)
    {
        if (S.StaffLineKey is null || S.StaffLineKey != staffLineKey)
        {
            // Unbound by an operator or replaced by a newer invitation: this phone no longer speaks for her.
            return false;
        }
        await HandleInputAsync(eventId, text, postbackData);
        return true;
    }

    private async Task HandleInputAsync(string eventId, string? text, string? postbackData)
    {
        _cause = eventId;
        _sent = 0;
        if (postbackData is { } data)
        {
            await OnPostbackAsync(data);
            return;
        }
        var input = (text ?? "").Trim();
        if (input == BotText.Get("Staff.Available"))
        {
            await SetPresenceAsync(Presence.Available);
        }
        else if (input == BotText.Get("Staff.Away"))
        {
            await SetPresenceAsync(Presence.Away);
        }
        else if (input == BotText.Get("Staff.OffShift"))
        {
            await SetPresenceAsync(Presence.OffShift);
        }
        else if (input.StartsWith('/') || input.StartsWith('／'))
        {
            await CommandAsync(input[1..].Trim());
        }
        else if (!await OnReferralPlaceAsync(input))
        {
            await RelayAsync(eventId, text ?? "");
        }
    }

    private async Task OnPostbackAsync(string data)
    {
        if (await OnCannedPostbackAsync(data) || await OnRecordPostbackAsync(data) || await OnSupervisionPostbackAsync(data))
        {
            return;
        }
        if (data.StartsWith(Say.OfferAcceptPrefix, StringComparison.Ordinal))
        {
            await AcceptAsync(data[Say.OfferAcceptPrefix.Length..]);
        }
        else if (data.StartsWith(Say.OfferDeclinePrefix, StringComparison.Ordinal))
        {
            await DeclineAsync(data[Say.OfferDeclinePrefix.Length..]);
        }
        else if (data.StartsWith(Say.SwitchPrefix, StringComparison.Ordinal))
        {
            var caseId = data[Say.SwitchPrefix.Length..];
            if (S.Active.Any(a => a.CaseId == caseId))
            {
                S.CurrentCaseId = caseId;
                await state.WriteStateAsync();
                await SayAsync(BotText.Format("Staff.Switched", CaseIds.Tag(caseId)));
                await GrainFactory.GetGrain<IConsultationGrain>(caseId).SeenByCounselorAsync(Id);
            }
            else
            {
                await SwitchToClosedAsync(caseId);
            }
        }
    }

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
        S.OffShiftAt = presence == Presence.OffShift || home is null ? null
            : presence == Presence.Available || S.OffShiftAt is null ? ShiftPolicy.AutoOffShiftAt(home.Schedule, now)
            : S.OffShiftAt;
        S.Presence = presence;
        await state.WriteStateAsync();
        ArmOffShiftTimer();
        await ReportAsync();
        await SayAsync(Say.PresenceSet(member, presence, home, now) + SupervisorPresenceNote(member, presence));
    }

    /// <summary>Her dispatcher's view of her: presence, capacity, load, the offers she holds, when her shift ends.</summary>
    private async Task ReportAsync()
    {
        if (Rostered is not { } member)
        {
            return;
        }
        await ReportToSupervisorDeskAsync(member);
        await GrainFactory.GetGrain<IDispatcherGrain>(member.DispatcherKey).UpdateCounselorAsync(Status(member));
    }

    private CounselorStatus Status(Tenancy.StaffMember member) => new(Id, S.Presence, Math.Max(1, member.MaxConcurrentCases),
        S.Active.Count, S.IdleSince, S.Offers.Select(o => o.CaseId).ToList(),
        S.LastOfferFrom == member.DispatcherKey ? S.LastOfferNumber : 0, S.OffShiftAt);

    /// <summary>Sleeps until her shift ends; when the grain was asleep, activation re-arms it from state.</summary>
    private void ArmOffShiftTimer()
    {
        _offShiftTimer?.Dispose();
        _offShiftTimer = null;
        if (S.Presence == Presence.OffShift || S.OffShiftAt is not { } at)
        {
            return;
        }
        var due = Math.Clamp((at - clock.GetUtcNow()).Ticks, TimeSpan.FromMilliseconds(50).Ticks, TimeSpan.FromHours(1).Ticks);
        _offShiftTimer = this.RegisterGrainTimer(_ => ShiftTimerAsync(), TimeSpan.FromTicks(due), Timeout.InfiniteTimeSpan);
    }

    private async Task ShiftTimerAsync()
    {
        if (S.Presence != Presence.OffShift && S.OffShiftAt is { } at && at <= clock.GetUtcNow())
        {
            await EndShiftAsync();
            return;
        }
        ArmOffShiftTimer();
    }

    /// <summary>Her area closed: 退勤 by itself, with a notice; her open cases stay hers, no new offers come.</summary>
    private async Task EndShiftAsync()
    {
        _cause = $"shiftend/{S.OffShiftAt?.UtcTicks}";
        _sent = 0;
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

    public async Task OfferAsync(Offer offer)
    {
        _cause = $"offer/{offer.DispatcherKey}/{offer.OfferNumber}";
        _sent = 0;
        S.LastOfferNumber = offer.DispatcherKey == S.LastOfferFrom ? Math.Max(S.LastOfferNumber, offer.OfferNumber) : offer.OfferNumber;
        S.LastOfferFrom = offer.DispatcherKey;
        if (S.Presence != Presence.Available || S.StaffLineKey is null || !directory.MayTakeOffersFrom(Id, offer.DispatcherKey))
        {
            // Her presence or the roster changed after the dispatcher chose her: hand it straight back.
            await state.WriteStateAsync();
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(offer.CaseId, Id);
            return;
        }
        S.Offers.RemoveAll(o => o.CaseId == offer.CaseId);
        S.Offers.Add(offer);
        await state.WriteStateAsync();
        await SayAsync(Say.OfferCard(offer, clock.GetUtcNow()));
    }

    private async Task AcceptAsync(string caseId)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            await SayAsync(BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId)));
            return;
        }
        S.Offers.Remove(offer);
        // The dispatcher asks the roster in use: a card still on her phone after she left it is refused there,
        // and the case goes at once to someone who may take it.
        var answer = await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).AcceptOfferAsync(caseId, Id);
        if (answer == OfferAnswer.Assigned
            && await GrainFactory.GetGrain<IConsultationGrain>(caseId).ConnectAsync(Id, S.StaffLineKey!, offer.DispatcherKey))
        {
            S.Active.Add(new ActiveCase(caseId, offer.DispatcherKey));
            S.CurrentCaseId = caseId;
            S.IdleSince = clock.GetUtcNow();
            await state.WriteStateAsync();
            LogAccepted(logger, Id, caseId);
            return;
        }
        await state.WriteStateAsync();
        if (answer == OfferAnswer.Assigned && Rostered is { } member)
        {
            // The case closed between the offer and her tap: give the slot back.
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).UpdateCounselorAsync(Status(member));
        }
        await SayAsync(directory.MayTakeOffersFrom(Id, offer.DispatcherKey)
            ? BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId))
            : Say.OfferReturned(CaseIds.Tag(caseId), OfferReturn.Roster, OfferOutcome.Next, null, TimeSpan.Zero));
    }

    private async Task DeclineAsync(string caseId)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            return;
        }
        S.Offers.Remove(offer);
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(caseId, Id);
        await SayAsync(BotText.Format("Staff.Declined", CaseIds.Tag(caseId)));
    }

    public async Task OfferWithdrawnAsync(string caseId, string reason)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            return;
        }
        // The offer number keeps the retry key of each notice its own: the same case can come back twice.
        _cause = $"withdrawn/{caseId}/{offer.OfferNumber}/{reason}";
        _sent = 0;
        S.Offers.Remove(offer);
        await state.WriteStateAsync();
        // "{why}:{outcome}" from the dispatcher: she hears why it came back and where the case went.
        if (reason.Split(':') is [var whyText, var outcomeText]
            && Enum.TryParse<OfferReturn>(whyText, out var why) && Enum.TryParse<OfferOutcome>(outcomeText, out var outcome))
        {
            var from = directory.FindDispatcher(offer.DispatcherKey);
            var pool = directory.FindDispatcher(from?.OverflowTo);
            await SayAsync(Say.OfferReturned(CaseIds.Tag(caseId), why, outcome, pool?.Name, from?.OfferRetryPause ?? TimeSpan.Zero));
            return;
        }
        await SayAsync(BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId)));
    }

    private async Task CommandAsync(string command)
    {
        var (name, argument) = command.IndexOfAny([' ', '　']) is var space and > 0
            ? (command[..space], command[(space + 1)..].Trim())
            : (command, "");
        StopWaitingForPlace();
        switch (name)
        {
            case "終了":
                await EndCurrentAsync();
                break;
            case "メモ":
                await NoteAsync(argument);
                break;
            case "転送":
                await TransferCurrentAsync();
                break;
            case "一覧":
                await ListAsync();
                break;
            case "定型" or "定型文":
                await CannedListAsync(0);
                break;
            case "記録":
                await RecordCommandAsync(argument);
                break;
            case "紹介":
                await ReferralCommandAsync(argument);
                break;
            case "SV" or "sv" or "Sv" or "ＳＶ":
                await CallSupervisorAsync(argument);
                break;
            case "ささやき":
                await WhisperAsync(argument);
                break;
            case "退出":
                await LeaveWatchAsync(S.SupervisingCaseId);
                break;
            default:
                await SayAsync(BotText.Get("Staff.Help"));
                break;
        }
    }

    private async Task EndCurrentAsync()
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        await GrainFactory.GetGrain<IConsultationGrain>(caseId).EndAsync(Id);
        await RememberClosedAsync(caseId);
        await ForgetCaseAsync(caseId);
        await SayAsync(BotText.Format("Staff.Ended", CaseIds.Tag(caseId)));
        await StartRecordFormAsync(caseId, withRecap: false);
    }

    private async Task NoteAsync(string note)
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        if (note.Length == 0)
        {
            await SayAsync(BotText.Get("Staff.NoteEmpty"));
            return;
        }
        await GrainFactory.GetGrain<IConsultationGrain>(caseId).AddNoteAsync(Id, note);
        await SayAsync(BotText.Format("Staff.NoteSaved", CaseIds.Tag(caseId)));
    }

    private async Task TransferCurrentAsync()
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        var target = await GrainFactory.GetGrain<IConsultationGrain>(caseId).TransferAsync(Id);
        await ForgetCaseAsync(caseId);
        await SayAsync(target is null ? BotText.Get("Staff.NoCase") : BotText.Format("Staff.Transferred", CaseIds.Tag(caseId), target));
    }

    private async Task ListAsync()
    {
        if (S.Active.Count == 0 && S.Offers.Count == 0)
        {
            await SayAsync(BotText.Get("Staff.ListEmpty") + RecentlyClosedLine());
            return;
        }
        var text = S.Active.Count == 0
            ? BotText.Get("Staff.ListEmpty")
            : BotText.Format("Staff.List", string.Join(" ", S.Active.Select(a => CaseIds.Tag(a.CaseId))), S.CurrentCaseId is { } c ? CaseIds.Tag(c) : "-");
        if (S.Offers.Count > 0)
        {
            text += "\n" + BotText.Format("Staff.Pending", string.Join(" ", S.Offers.Select(o => CaseIds.Tag(o.CaseId))));
        }
        await SayAsync(text + RecentlyClosedLine());
    }

    private async Task RelayAsync(string eventId, string text)
    {
        if (S.CurrentCaseId is not { } caseId)
        {
            await SayAsync(BotText.Get("Staff.NoCase"));
            return;
        }
        if (!await GrainFactory.GetGrain<IConsultationGrain>(caseId).FromCounselorAsync(Id, eventId, text))
        {
            await ForgetCaseAsync(caseId);
            await SayAsync(BotText.Get("Staff.NoCase"));
        }
    }

    public async Task CaseClosedAsync(string caseId, string reason)
    {
        _cause = $"closed/{caseId}";
        _sent = 0;
        if (S.Active.All(a => a.CaseId != caseId))
        {
            return;
        }
        if (reason != "erasure")
        {
            await RememberClosedAsync(caseId);
        }
        await ForgetCaseAsync(caseId);
        var why = BotText.Get("Staff.Reason." + (reason is "idle" or "unfollow" or "erasure" ? reason : "ended"));
        await SayAsync(BotText.Format("Staff.CaseClosed", CaseIds.Tag(caseId), why));
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

    /// <summary>Drops a case from her list; the next open case becomes current; her dispatcher sees the free slot.</summary>
    private async Task ForgetCaseAsync(string caseId)
    {
        S.Active.RemoveAll(a => a.CaseId == caseId);
        if (S.CurrentCaseId == caseId)
        {
            S.CurrentCaseId = S.Active.LastOrDefault()?.CaseId;
        }
        S.IdleSince = clock.GetUtcNow();
        await state.WriteStateAsync();
        await ReportAsync();
    }

    public Task<CounselorSnapshot> GetSnapshotAsync() => Task.FromResult(new CounselorSnapshot(
        S.StaffLineKey, S.Presence, S.Active.Select(a => a.CaseId).ToList(), S.CurrentCaseId, S.Offers.Select(o => o.CaseId).ToList()));

    private async Task SayAsync(string text) => await SayAsync(new Outgoing(text, Say.StaffMenu(S.Active.Select(a => (a.CaseId, CaseIds.Tag(a.CaseId))))));

    private async Task SayAsync(Outgoing message)
    {
        if (S.StaffLineKey is { } staff)
        {
            await GrainFactory.GetGrain<IStaffLineUserGrain>(staff).DeliverAsync([message], RetryKeys.For($"{Id}/{_cause}/{_sent++}"));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId} enrolled")]
    private static partial void LogEnrolled(ILogger logger, string counselorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId} unbound from her LINE user; {Cases} open case(s) handed back")]
    private static partial void LogUnbound(ILogger logger, string counselorId, int cases);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId}: shift ended at her area's closing")]
    private static partial void LogShiftEnded(ILogger logger, string counselorId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Counselor {CounselorId} accepted case {CaseId}")]
    private static partial void LogAccepted(ILogger logger, string counselorId, string caseId);
}
