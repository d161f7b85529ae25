using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Grains.Texts;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Supervision;

/// <summary>The supervision messages, built from the resource texts: calls, copies, whispers, takeovers.</summary>
public static class SupervisionSay
{
    public const string WatchPrefix = "sv:watch:";
    public const string WhisperPrefix = "sv:whisper:";
    public const string TakeOverPrefix = "sv:take:";
    public const string LeavePrefix = "sv:leave:";

    /// <summary>The counselor's [SVを呼ぶ]: types /SV for her (she may add a note after it instead).</summary>
    public static Choice CallButton { get; } = new(BotText.Get("Sv.Button"), "/SV");

    /// <summary>A call as a supervisor reads it, with [見守る][ささやく][引き継ぐ].</summary>
    public static Outgoing Call(SupervisorCall call, StaffMember? counselor)
    {
        var reason = call.Reason switch
        {
            SupervisorCallReason.Urgent => BotText.Get("Sv.Reason.Urgent"),
            SupervisorCallReason.Referral => BotText.Format("Sv.Reason.Referral", call.Note ?? ""),
            _ when string.IsNullOrWhiteSpace(call.Note) => BotText.Get("Sv.Reason.CounselorNoNote"),
            _ => BotText.Format("Sv.Reason.Counselor", call.Note),
        };
        var text = BotText.Format("Sv.Call", CaseIds.Tag(call.CaseId), call.AreaName, call.Urgent ? BotText.Get("Staff.Urgent") : "",
            reason, counselor is null ? "-" : Say.StaffName(counselor));
        return new Outgoing(text,
        [
            new(BotText.Get("Sv.Watch"), PostbackData: WatchPrefix + call.CaseId),
            new(BotText.Get("Sv.Whisper"), PostbackData: WhisperPrefix + call.CaseId),
            new(BotText.Get("Sv.TakeOver"), PostbackData: TakeOverPrefix + call.CaseId),
        ]);
    }

    /// <summary>What a watching supervisor can do next: [ささやく][引き継ぐ][退出].</summary>
    public static IReadOnlyList<Choice> WatchingChoices(string caseId) =>
    [
        new(BotText.Get("Sv.Whisper"), PostbackData: WhisperPrefix + caseId),
        new(BotText.Get("Sv.TakeOver"), PostbackData: TakeOverPrefix + caseId),
        new(BotText.Get("Sv.Leave"), PostbackData: LeavePrefix + caseId),
    ];

    /// <summary>A copy of one side of the chat for a watching supervisor, marked as a copy.</summary>
    public static Outgoing Copy(string caseId, bool fromConsultee, string text, MediaRef? media)
    {
        var key = fromConsultee ? "Sv.CopyFromConsultee" : "Sv.CopyFromCounselor";
        return media is null
            ? new Outgoing(BotText.Format(key, CaseIds.Tag(caseId), MediaRelay.Readable(text)), WatchingChoices(caseId))
            : MediaRelay.Relay(BotText.Format(key, CaseIds.Tag(caseId), ""), media, WatchingChoices(caseId));
    }

    /// <summary>Her counselor's phone numbers to call when no supervisor is on shift.</summary>
    public static string NobodyOnShift(string tag, IReadOnlyList<string> phones) =>
        phones.Count == 0
            ? BotText.Format("Sv.NoSupervisorNoPhones", tag)
            : BotText.Format("Sv.NoSupervisor", tag, string.Join("\n", phones.Select(p => "・" + p)));

    /// <summary>The last lines of the chat for a supervisor who takes over without having watched.</summary>
    public static string Recent(string tag, IEnumerable<TranscriptEntry> entries, int last = 10)
    {
        var lines = entries.Where(e => e.Author is TranscriptAuthor.Consultee or TranscriptAuthor.Counselor).TakeLast(last)
            .Select(e => $"{BotText.Get(e.Author == TranscriptAuthor.Consultee ? "Sv.Author.Consultee" : "Sv.Author.Counselor")}：{MediaRelay.Readable(e.Text)}");
        return BotText.Format("Sv.Recent", tag, string.Join("\n", lines));
    }

    /// <summary>The answer to a refused watch, whisper, takeover or leave.</summary>
    public static string Refused(SupervisionAnswer answer, string tag) => answer switch
    {
        SupervisionAnswer.NotConnected => BotText.Format("Sv.NotConnected", tag),
        SupervisionAnswer.NotWatching => BotText.Format("Sv.NotWatching", tag),
        _ => BotText.Format("Sv.NotHerCase", tag),
    };
}
