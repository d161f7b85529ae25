using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

[GenerateSerializer, Alias("oc.StaffLineUserState")]
public sealed class StaffLineUserState : LineUserState
{
    /// <summary>The counselor this LINE user enrolled as; null until a valid one-time code.</summary>
    [Id(0)] public string? CounselorId { get; set; }
}

/// <summary>
/// A LINE user of the staff channel: enrolls once with a one-time code, then everything she types
/// or taps goes to her counselor grain.
/// </summary>
public sealed class StaffLineUserGrain(
    [PersistentState("staffuser", StorageNames.State)] IPersistentState<StaffLineUserState> state,
    LineTime clock,
    ILineOutbound outbound,
    ProgramDirectory directory,
    ILogger<StaffLineUserGrain> logger) : LineUserGrain<StaffLineUserState>(state, clock, outbound, logger), IStaffLineUserGrain
{
    protected override void Kick() => this.AsReference<IStaffLineUserGrain>().ProcessPendingAsync();

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
        var counselor = GrainFactory.GetGrain<ICounselorGrain>(counselorId);
        switch (e.Type)
        {
            case "message" when e.MessageType == "text":
                await counselor.HandleInputAsync(e.WebhookEventId, e.Text ?? "", null);
                break;
            case "message":
                await counselor.HandleInputAsync(e.WebhookEventId, BotText.DescribeNonText(e.MessageType ?? ""), null);
                break;
            case "postback":
                await counselor.HandleInputAsync(e.WebhookEventId, null, e.PostbackData);
                break;
        }
    }

    private async Task EnrollAsync(InboundLineEvent e)
    {
        var key = RetryKeys.For($"{LineUserKey}/{e.WebhookEventId}/enroll");
        if (e.Type != "message" || e.MessageType != "text")
        {
            if (e.Type is "follow" or "message")
            {
                await DeliverAsync([new Outgoing(BotText.Get("Staff.Welcome"))], key);
            }
            return;
        }
        var code = (e.Text ?? "").Trim();
        var staff = directory.Program.FindStaffByEnrollmentCode(code);
        var result = staff is null
            ? EnrollResult.Refused
            : await GrainFactory.GetGrain<ICounselorGrain>(staff.Id).EnrollAsync(LineUserKey, code);
        if (result == EnrollResult.Refused)
        {
            LogEnrollRefused(Logger, e.WebhookEventId);
            await DeliverAsync([new Outgoing(BotText.Get("Staff.EnrollmentInvalid"))], key);
            return;
        }
        State.State.CounselorId = staff!.Id;
        await DeliverAsync([new Outgoing(BotText.Format("Staff.EnrollmentOk", staff.DisplayName), Say.StaffMenu([]))], key);
    }

    private static void LogEnrollRefused(ILogger logger, string eventId) =>
        logger.LogWarning("Enrollment refused for staff event {EventId}: unknown or used code", eventId);
}
