using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;
using OrleansConsult.Tenancy;

namespace OrleansConsult.Grains.Supervision;

/// <summary>Who a call reaches, which referrals call, and how long a desk remembers a call. Pure.</summary>
public static class SupervisorCallPolicy
{
    /// <summary>A call older than this is dropped from the desk (and the board) even when its case is still open.</summary>
    public static readonly TimeSpan Remembered = TimeSpan.FromHours(12);

    /// <summary>At most this many calls are kept per desk (the oldest go first).</summary>
    public const int MaxCalls = 200;

    /// <summary>
    /// The supervisors to tell now: on the roster in use (active), 出勤 (not 休憩), and not the one who called
    /// (a supervisor who also counsels may call her colleagues).
    /// </summary>
    public static IReadOnlyList<string> Callable(IReadOnlyList<StaffMember> supervisors, IReadOnlyDictionary<string, Presence> onShift, string? caller) =>
        supervisors
            .Where(s => onShift.TryGetValue(s.Id, out var presence) && presence == Presence.Available)
            .Where(s => !string.Equals(s.Id, caller, StringComparison.OrdinalIgnoreCase))
            .Select(s => s.Id)
            .ToList();

    /// <summary>
    /// A referral that calls the supervisors: to the police (警察) or a child guidance centre (児童相談所), on an
    /// urgent case. Other referrals (a clinic, a shelter) are routine work.
    /// </summary>
    public static bool CallsOnReferral(string destination, bool urgent) =>
        urgent && (destination.Contains("警察", StringComparison.Ordinal) || destination.Contains("児童相談所", StringComparison.Ordinal));

    /// <summary>The phone list a counselor calls when no supervisor is on shift: "label number" per line.</summary>
    public static IReadOnlyList<string> PhoneList(IReadOnlyList<PhoneNumber> phones) =>
        phones.Select(p => $"{p.Label} {p.Number}").ToList();

    /// <summary>Drops calls past <see cref="Remembered"/> and keeps at most <see cref="MaxCalls"/>.</summary>
    public static void Prune(List<DeskCall> calls, DateTimeOffset now)
    {
        calls.RemoveAll(c => now - c.Call.At > Remembered);
        if (calls.Count > MaxCalls)
        {
            calls.RemoveRange(0, calls.Count - MaxCalls);
        }
    }

    /// <summary>The board's view: unanswered calls and the latest one (tag and time only).</summary>
    public static SupervisorCallSummary Summary(IReadOnlyList<DeskCall> calls, int onShift, long version)
    {
        var open = calls.Where(c => c.AnsweredBy is null).ToList();
        var latest = open.LastOrDefault();
        return new SupervisorCallSummary(open.Count, latest?.Call.At, latest is null ? null : CaseIds.Tag(latest.Call.CaseId),
            latest?.Outcome.NobodyOnShift ?? false, onShift, version);
    }
}
