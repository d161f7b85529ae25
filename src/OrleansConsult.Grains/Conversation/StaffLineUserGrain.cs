using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Enrollment;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Line.Sending;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// A LINE user of the staff channel: enrolls once with a one-time invitation, then everything she
/// types or taps goes to her counselor grain, which checks that this LINE user is still the one
/// bound to her. 退会 (with a confirmation) ends the binding from her side.
/// </summary>
public sealed partial class StaffLineUserGrain(
    [PersistentState("staffuser", StorageNames.State)] IPersistentState<StaffLineUserState> state,
    LineTime clock,
    EngineClock engineClock,
    ILineOutbound outbound,
    ProgramDirectory directory,
    IStaffInvitationStore invitations,
    EnrollmentPolicy policy,
    ILogger<StaffLineUserGrain> logger) : LineUserGrain<StaffLineUserState>(state, clock, outbound, logger), IStaffLineUserGrain
{
    public const string LeaveConfirm = "staff:leave:yes";
    public const string LeaveCancel = "staff:leave:no";

    protected override LineUserKind Kind => LineUserKind.Staff;

    public Task<string?> GetCounselorIdAsync() => Task.FromResult(State.State.CounselorId);

    protected override async Task HandleAsync(InboundLineEvent e)
    {
        var counselorId = State.State.CounselorId;
        if (counselorId is null)
        {
            await EnrollAsync(e);
            return;
        }
        await EnsureStaffMenuAsync();
        if (await LeaveStepAsync(e, counselorId))
        {
            return;
        }
        var counselor = GrainFactory.GetGrain<ICounselorGrain>(counselorId);
        var stillHers = e.Type switch
        {
            "message" when e.MessageType == "text" => await counselor.HandleInputAsync(LineUserKey, e.WebhookEventId, e.Text ?? "", null),
            "message" when e.Media is { } media => await RelayMediaAsync(counselor, e, media),
            "message" => await counselor.HandleInputAsync(LineUserKey, e.WebhookEventId, BotText.DescribeNonText(e.MessageType ?? ""), null),
            "postback" => await counselor.HandleInputAsync(LineUserKey, e.WebhookEventId, null, e.PostbackData),
            _ => true,
        };
        if (!stillHers)
        {
            await NoLongerEnrolledAsync(e);
        }
    }

    /// <summary>Fetched and stored here, in this grain's turn, for the case she writes to; then relayed by her counselor grain.</summary>
    private async Task<bool> RelayMediaAsync(ICounselorGrain counselor, InboundLineEvent e, InboundMedia media)
    {
        var caseId = await counselor.CurrentCaseAsync(LineUserKey);
        MediaRef? stored = null;
        if (caseId is not null && ServiceProvider.GetService<IMediaFetcher>() is { } fetcher)
        {
            var tenantId = (await GrainFactory.GetGrain<IConsultationGrain>(caseId).GetSummaryAsync()).TenantId;
            stored = await fetcher.FetchAsync(Channel, media, caseId, tenantId, e.WebhookEventId, e.Timestamp);
        }
        return await counselor.HandleMediaAsync(LineUserKey, e.WebhookEventId, caseId, media.Kind, stored);
    }

    private async Task EnrollAsync(InboundLineEvent e)
    {
        var key = ReplyKey(e, "enroll");
        if (e.Type != "message" || e.MessageType != "text")
        {
            if (e.Type is "follow" or "message")
            {
                await DeliverAsync([new Outgoing(BotText.Get("Staff.Welcome"))], key);
            }
            return;
        }
        var text = (e.Text ?? "").Trim();
        if (InvitationCode.Normalize(text) is { } code)
        {
            var use = await invitations.ConsumeAsync(code, LineUserKey, engineClock.GetUtcNow());
            if (use.Outcome != InvitationStatus.Unknown)
            {
                await EnrollByInvitationAsync(e, use, key);
                return;
            }
        }
        var staff = policy.AcceptProgramFileCodes ? directory.Program.FindStaffByEnrollmentCode(text) : null;
        var result = staff is null
            ? EnrollResult.Refused
            : await GrainFactory.GetGrain<ICounselorGrain>(staff.Id).EnrollAsync(LineUserKey, text);
        if (result == EnrollResult.Refused)
        {
            LogUnknownCode(Logger, e.WebhookEventId);
            await DeliverAsync([new Outgoing(BotText.Get("Staff.EnrollmentInvalid"))], key);
            return;
        }
        await EnrolledAsync(staff!, key);
    }

    private async Task EnrollByInvitationAsync(InboundLineEvent e, InvitationUse use, Guid key)
    {
        var staff = use.Accepted ? directory.Program.FindRosterMember(use.Invitation!.OwnerId, use.Invitation.StaffId) : null;
        if (staff is null)
        {
            var refusal = use.Outcome switch
            {
                InvitationStatus.Used => "Staff.InvitationUsed",
                InvitationStatus.Expired => "Staff.InvitationExpired",
                InvitationStatus.Revoked => "Staff.InvitationRevoked",
                // Consumed, but she left the roster since it was issued.
                _ => "Staff.InvitationNotInRoster",
            };
            LogEnrollRefused(Logger, e.WebhookEventId, refusal);
            await DeliverAsync([new Outgoing(BotText.Get(refusal))], key);
            return;
        }
        await GrainFactory.GetGrain<ICounselorGrain>(staff.Id).BindAsync(LineUserKey);
        LogInvitationUsed(Logger, use.Invitation!.Id, staff.Id);
        await EnrolledAsync(staff, key);
    }

    private async Task EnrolledAsync(Tenancy.StaffMember staff, Guid key)
    {
        State.State.CounselorId = staff.Id;
        await EnsureStaffMenuAsync();
        await DeliverAsync([new Outgoing(Say.Enrolled(staff), Say.StaffMenu([]))], key);
    }

    /// <summary>退会: asks to confirm, then leaves unless she still has open cases. True when the event was part of it.</summary>
    private async Task<bool> LeaveStepAsync(InboundLineEvent e, string counselorId)
    {
        var key = ReplyKey(e, "leave");
        if (e.Type == "message" && e.MessageType == "text" && (e.Text ?? "").Trim() == BotText.Get("Staff.Leave"))
        {
            await DeliverAsync([new Outgoing(BotText.Get("Staff.LeaveConfirm"),
            [
                new Choice(BotText.Get("Staff.LeaveYes"), BotText.Get("Staff.LeaveYes"), LeaveConfirm),
                new Choice(BotText.Get("Staff.LeaveNo"), BotText.Get("Staff.LeaveNo"), LeaveCancel),
            ])], key);
            return true;
        }
        if (e.Type != "postback" || e.PostbackData is not (LeaveConfirm or LeaveCancel))
        {
            return false;
        }
        if (e.PostbackData == LeaveCancel)
        {
            await DeliverAsync([new Outgoing(BotText.Get("Staff.LeaveCancelled"), Say.StaffMenu([]))], key);
            return true;
        }
        switch (await GrainFactory.GetGrain<ICounselorGrain>(counselorId).LeaveAsync(LineUserKey))
        {
            case LeaveResult.Left:
                State.State.CounselorId = null;
                await UnlinkStaffMenuAsync();
                LogLeft(Logger, counselorId);
                await DeliverAsync([new Outgoing(BotText.Get("Staff.Left"))], key);
                break;
            case LeaveResult.HasOpenCases:
                // Leaving would strand the consultees she is talking to: she ends or transfers them first.
                await DeliverAsync([new Outgoing(BotText.Get("Staff.LeaveHasCases"), Say.StaffMenu([]))], key);
                break;
            default:
                await NoLongerEnrolledAsync(e);
                break;
        }
        return true;
    }

    /// <summary>Her binding was ended (by an operator, or a newer invitation on another phone): she is told once, and starts over.</summary>
    private async Task NoLongerEnrolledAsync(InboundLineEvent e)
    {
        State.State.CounselorId = null;
        await UnlinkStaffMenuAsync();
        await DeliverAsync([new Outgoing(BotText.Get("Staff.NoLongerEnrolled"))], ReplyKey(e, "unbound"));
    }

    private Guid ReplyKey(InboundLineEvent e, string what) => RetryKeys.For($"{LineUserKey}/{e.WebhookEventId}/{what}");

    /// <summary>Anyone can write to the staff account: a wrong code is routine, so Debug.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Enrollment refused for staff event {EventId}: not a known code")]
    private static partial void LogUnknownCode(ILogger logger, string eventId);

    /// <summary>A real invitation that is used, expired or revoked may be a leaked one: worth an operator's look.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Enrollment refused for staff event {EventId}: {Reason}")]
    private static partial void LogEnrollRefused(ILogger logger, string eventId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invitation {InvitationId} used by counselor {CounselorId}")]
    private static partial void LogInvitationUsed(ILogger logger, string invitationId, string counselorId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Counselor {CounselorId} left (退会)")]
    private static partial void LogLeft(ILogger logger, string counselorId);
}
