using System.Globalization;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.ActiveCase")]
public sealed record ActiveCase([property: Id(0)] string CaseId, [property: Id(1)] string DispatcherKey);

[GenerateSerializer, Alias("oc.CounselorState")]
public sealed class CounselorState
{
    /// <summary>The staff-channel LINE user bound by the one-time code ("{channel}:{userId}").</summary>
    [Id(0)] public string? StaffLineKey { get; set; }
    [Id(1)] public Presence Presence { get; set; }
    [Id(2)] public List<ActiveCase> Active { get; set; } = [];
    /// <summary>Where her plain text goes.</summary>
    [Id(3)] public string? CurrentCaseId { get; set; }
    [Id(4)] public List<Offer> Offers { get; set; } = [];
    [Id(5)] public DateTimeOffset IdleSince { get; set; }
}

/// <summary>
/// A counselor or nurse working from her own LINE: presence, capacity, offers with
/// [対応する][見送る], several cases at once with a current one, and the commands
/// /終了 /メモ /転送 /一覧. Her dispatcher learns every change of presence and load.
/// </summary>
public sealed partial class CounselorGrain(
    [PersistentState("counselor", StorageNames.State)] IPersistentState<CounselorState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ILogger<CounselorGrain> logger) : Grain, ICounselorGrain
{
    private string _cause = "";
    private int _sent;

    private CounselorState S => state.State;
    private string Id => this.GetPrimaryKeyString();
    private Tenancy.StaffMember Profile => directory.Staff(Id) ?? throw new InvalidOperationException($"No staff member '{Id}' in the program configuration.");
    private IDispatcherGrain HomeDispatcher => GrainFactory.GetGrain<IDispatcherGrain>(Profile.DispatcherKey);

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

    public async Task HandleInputAsync(string eventId, string? text, string? postbackData)
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
        else
        {
            await RelayAsync(eventId, text ?? "");
        }
    }

    private async Task OnPostbackAsync(string data)
    {
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
            }
        }
    }

    private async Task SetPresenceAsync(Presence presence)
    {
        var now = clock.GetUtcNow();
        if (presence == Presence.Available && S.Presence != Presence.Available && S.Active.Count == 0)
        {
            S.IdleSince = now;
        }
        S.Presence = presence;
        await state.WriteStateAsync();
        await ReportAsync();
        var label = BotText.Get(presence switch
        {
            Presence.Available => "Staff.Available",
            Presence.Away => "Staff.Away",
            _ => "Staff.OffShift",
        });
        await SayAsync(BotText.Format("Staff.PresenceSet", label));
    }

    /// <summary>Her dispatcher's view of her: presence, capacity and how many cases she has.</summary>
    private Task ReportAsync() =>
        HomeDispatcher.UpdateCounselorAsync(new CounselorStatus(Id, S.Presence, Math.Max(1, Profile.MaxConcurrentCases), S.Active.Count, S.IdleSince));

    public async Task OfferAsync(Offer offer)
    {
        _cause = $"offer/{offer.DispatcherKey}/{offer.OfferNumber}";
        _sent = 0;
        if (S.Presence != Presence.Available || S.StaffLineKey is null)
        {
            // Her presence changed after the dispatcher chose her: hand it straight back.
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).DeclineOfferAsync(offer.CaseId, Id);
            return;
        }
        S.Offers.RemoveAll(o => o.CaseId == offer.CaseId);
        S.Offers.Add(offer);
        await state.WriteStateAsync();

        var waited = (int)Math.Max(0, (clock.GetUtcNow() - offer.WaitingSince).TotalMinutes);
        var seconds = (int)Math.Max(1, (offer.Deadline - clock.GetUtcNow()).TotalSeconds);
        var body = BotText.Format("Staff.Offer", CaseIds.Tag(offer.CaseId), offer.AreaName,
            offer.Urgent ? BotText.Get("Staff.Urgent") : "", waited.ToString(CultureInfo.InvariantCulture),
            Preview(offer.Preview)) + "\n" + BotText.Format("Staff.OfferDeadline", seconds);
        var title = BotText.Get(offer.Urgent ? "Staff.OfferUrgentTitle" : "Staff.OfferTitle");
        await SayAsync(new Outgoing(body, null, new Card(title, body,
        [
            new(BotText.Get("Staff.Accept"), $"{BotText.Get("Staff.Accept")} {CaseIds.Tag(offer.CaseId)}", Say.OfferAcceptPrefix + offer.CaseId),
            new(BotText.Get("Staff.Decline"), $"{BotText.Get("Staff.Decline")} {CaseIds.Tag(offer.CaseId)}", Say.OfferDeclinePrefix + offer.CaseId),
        ], offer.Urgent)));
    }

    private static string Preview(string? text) =>
        text is null ? BotText.Get("Staff.NoPreview") : text.Length <= 60 ? text : text[..59] + "…";

    private async Task AcceptAsync(string caseId)
    {
        var offer = S.Offers.FirstOrDefault(o => o.CaseId == caseId);
        if (offer is null)
        {
            await SayAsync(BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId)));
            return;
        }
        S.Offers.Remove(offer);
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
        if (answer == OfferAnswer.Assigned)
        {
            // The case closed between the offer and her tap: give the slot back.
            await GrainFactory.GetGrain<IDispatcherGrain>(offer.DispatcherKey).UpdateCounselorAsync(
                new CounselorStatus(Id, S.Presence, Math.Max(1, Profile.MaxConcurrentCases), S.Active.Count, S.IdleSince));
        }
        await SayAsync(BotText.Format("Staff.OfferGone", CaseIds.Tag(caseId)));
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
        _cause = $"withdrawn/{caseId}/{reason}";
        _sent = 0;
        if (S.Offers.RemoveAll(o => o.CaseId == caseId) == 0)
        {
            return;
        }
        await state.WriteStateAsync();
        await SayAsync(BotText.Format(reason == "timeout" ? "Staff.OfferExpired" : "Staff.OfferGone", CaseIds.Tag(caseId)));
    }

    private async Task CommandAsync(string command)
    {
        var (name, argument) = command.IndexOfAny([' ', '　']) is var space and > 0
            ? (command[..space], command[(space + 1)..].Trim())
            : (command, "");
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
        await ForgetCaseAsync(caseId);
        await SayAsync(BotText.Format("Staff.Ended", CaseIds.Tag(caseId)));
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
            await SayAsync(BotText.Get("Staff.ListEmpty"));
            return;
        }
        var text = S.Active.Count == 0
            ? BotText.Get("Staff.ListEmpty")
            : BotText.Format("Staff.List", string.Join(" ", S.Active.Select(a => CaseIds.Tag(a.CaseId))), S.CurrentCaseId is { } c ? CaseIds.Tag(c) : "-");
        if (S.Offers.Count > 0)
        {
            text += "\n" + BotText.Format("Staff.Pending", string.Join(" ", S.Offers.Select(o => CaseIds.Tag(o.CaseId))));
        }
        await SayAsync(text);
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
        await ForgetCaseAsync(caseId);
        var why = BotText.Get("Staff.Reason." + (reason is "idle" or "unfollow" or "erasure" ? reason : "ended"));
        await SayAsync(BotText.Format("Staff.CaseClosed", CaseIds.Tag(caseId), why));
    }

    public async Task AreaClosedAsync(string dispatcherKey)
    {
        _cause = $"areaclosed/{dispatcherKey}/{clock.GetUtcNow().UtcTicks}";
        _sent = 0;
        if (S.StaffLineKey is not null && S.Presence != Presence.OffShift)
        {
            await SayAsync(BotText.Format("Staff.AreaClosed", directory.FindDispatcher(dispatcherKey)?.Name ?? dispatcherKey));
        }
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId} accepted case {CaseId}")]
    private static partial void LogAccepted(ILogger logger, string counselorId, string caseId);
}
