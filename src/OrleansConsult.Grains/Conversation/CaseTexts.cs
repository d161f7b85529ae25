using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Texts;

namespace OrleansConsult.Grains.Conversation;

/// <summary>
/// The words a case sends its consultee and its counselor, built from the resource texts; no state, no sends,
/// so they are tested without a silo. The bot's recurring messages shared with other grains stay in <see cref="Say"/>.
/// </summary>
public static class CaseTexts
{
    /// <summary>Her case is queued: who she waits for (her area or the named pool), and her place when others are ahead.</summary>
    public static string Queued(string? poolName, int position)
    {
        var text = poolName is null ? BotText.Get("Connecting") : Say.PoolConnecting(poolName);
        return position > 1 ? text + "\n" + BotText.Format("QueuePosition", position) : text;
    }

    /// <summary>A consultee's message as her counselor sees it: the case tag, 【緊急】 when urgent, the text.</summary>
    public static string ToCounselor(string tag, bool urgent, string text) =>
        $"{tag} {(urgent ? BotText.Get("Staff.Urgent") : "")}{text}";

    /// <summary>
    /// What the counselor gets on accepting: the case (tag, area, urgency) with the supervisor call button, then what
    /// the consultee wrote while waiting, in order, and the pictures and files she sent as themselves.
    /// </summary>
    public static Outgoing[] Connected(string tag, string areaName, bool urgent, IReadOnlyList<TranscriptEntry> transcript)
    {
        var waiting = transcript.Where(t => t.Author == TranscriptAuthor.Consultee).ToList();
        var intro = BotText.Format("Staff.Connected", $"{tag}（{areaName}）{(urgent ? BotText.Get("Staff.Urgent") : "")}");
        var messages = new List<Outgoing> { new(intro, [Supervision.SupervisionSay.CallButton]) };
        if (waiting.Count > 0)
        {
            messages.Add(new Outgoing(BotText.Format("Staff.WaitingMessages", tag) + "\n"
                + string.Join("\n", waiting.Select(w => "・" + MediaRelay.Readable(w.Text)))));
            messages.AddRange(waiting.Select(w => MediaRelay.FromTranscript(w.Text)).OfType<MediaRef>()
                .Where(m => m.Stored).Select(m => MediaRelay.Relay(tag + " ", m)));
        }
        return messages.ToArray();
    }

    /// <summary>The counselor's media could not be fetched: she hears it was not sent.</summary>
    public static Outgoing MediaNotSent(string tag, string kind) =>
        new(BotText.Format("Media.NotSent", tag, BotText.DescribeNonText(kind)));

    /// <summary>LINE refused a relay: its writer hears it did not arrive (the consultee plainly, the counselor with the tag).</summary>
    public static Outgoing NotDelivered(string tag, bool toConsultee) => toConsultee
        ? new Outgoing(BotText.Get("RelayNotDelivered"))
        : new Outgoing(BotText.Format("Staff.RelayNotDelivered", tag));

    /// <summary>The consultee has been silent for <paramref name="warnAfter"/>: her counselor is warned.</summary>
    public static Outgoing IdleWarning(string tag, TimeSpan warnAfter) =>
        new(BotText.Format("Staff.IdleWarning", tag, (int)warnAfter.TotalMinutes), Say.StaffMenu([]));

    /// <summary>The case closed: idle closes offer the menu again, any other close says goodbye; the survey follows.</summary>
    public static Outgoing[] Closing(string reason, string caseId) =>
    [
        reason == "idle" ? Say.WithMenu(BotText.Get("IdleClosed")) : new Outgoing(BotText.Get("Closing")),
        Say.Survey(caseId),
    ];

    /// <summary>A note on the case, stamped with its Tokyo time.</summary>
    public static string Note(DateTimeOffset at, string note) =>
        $"{Tenancy.JapaneseCalendar.ToTokyo(at).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture)} {note}";

    /// <summary>One line of the counselor's look back: who said it, and what (clipped to 80 characters).</summary>
    public static string RecapLine(TranscriptEntry entry) =>
        $"{BotText.Get(entry.Author == TranscriptAuthor.Consultee ? "Record.RecapConsultee" : "Record.RecapCounselor")}：{Clip(MediaRelay.Readable(entry.Text))}";

    private static string Clip(string text) => text.Length <= 80 ? text : text[..79] + "…";
}
