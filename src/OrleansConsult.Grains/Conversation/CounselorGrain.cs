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
/// Its parts: her LINE binding (.Binding), presence and shift (.Shift, <see cref="OffShiftTimer"/>), offers
/// (.Offers), commands (.Commands, <see cref="StaffInput"/>, <see cref="CounselorTexts"/>), and what she is told
/// (<see cref="CounselorVoice"/>); records, referrals, canned replies, media and supervision have their own files.
/// </summary>
public sealed partial class CounselorGrain(
    [PersistentState("counselor", StorageNames.State)] IPersistentState<CounselorState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ILogger<CounselorGrain> logger) : Grain, ICounselorGrain
{
    // Made on first use (the grain's key is not there while field initializers run).
    private CounselorVoice? _voice;
    private OffShiftTimer? _offShift;
    private CounselorVoice Voice => _voice ??= new(GrainFactory, Id);
    private OffShiftTimer OffShift => _offShift ??= new(this, clock, ShiftTimerAsync);

    private CounselorState S => state.State;
    private string Id => this.GetPrimaryKeyString();

    /// <summary>Her roster entry when the roster in use lets her take offers at all (on it and active).</summary>
    private Tenancy.StaffMember? Rostered => directory.Staff(Id) is { Active: true } member ? member : null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ArmOffShiftTimer();
        return Task.CompletedTask;
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
        Voice.Begin(eventId);
        if (postbackData is { } data)
        {
            await OnPostbackAsync(data);
            return;
        }
        var input = (text ?? "").Trim();
        if (StaffInput.PresenceWord(input) is { } presence)
        {
            await SetPresenceAsync(presence);
        }
        else if (StaffInput.IsCommand(input, out var command))
        {
            await CommandAsync(command);
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
        Voice.Begin($"closed/{caseId}");
        if (S.Active.All(a => a.CaseId != caseId))
        {
            return;
        }
        if (reason != "erasure")
        {
            await RememberClosedAsync(caseId);
        }
        await ForgetCaseAsync(caseId);
        await SayAsync(CounselorTexts.CaseClosed(caseId, reason));
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

    private Task SayAsync(Outgoing message) => Voice.SayAsync(S.StaffLineKey, message);
}
