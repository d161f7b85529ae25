using Microsoft.Extensions.Logging;
using OrleansConsult.Abstractions;
using OrleansConsult.Grains.Conversation;

namespace OrleansConsult.Grains.Supervision;

/// <summary>
/// The supervisors (スーパーバイザー) of one tenant or pool: who is on shift, and the calls of its open cases.
/// A call reaches every supervisor on shift (one-way, so nothing waits on a phone); with nobody on shift it
/// answers the phone list, and stays unanswered (on the live board) until a supervisor watches, whispers or
/// takes over, the case closes, or <see cref="SupervisorCallPolicy.Remembered"/> passes. A supervisor who
/// comes on shift gets the calls still unanswered.
/// </summary>
public sealed partial class SupervisorDeskGrain(
    [PersistentState("svdesk", StorageNames.State)] IPersistentState<SupervisorDeskState> state,
    EngineClock clock,
    ProgramDirectory directory,
    ILogger<SupervisorDeskGrain> logger) : Grain, ISupervisorDeskGrain
{
    // Random per activation, like the dispatcher's board: a re-activated desk never repeats an old version.
    private long _version = Random.Shared.NextInt64(1, long.MaxValue / 2);

    private SupervisorDeskState S => state.State;
    private string Key => this.GetPrimaryKeyString();

    public async Task<SupervisorCallOutcome> CallAsync(SupervisorCall call)
    {
        if (S.Calls.FirstOrDefault(c => c.Call.CallId == call.CallId) is { } known)
        {
            return known.Outcome;
        }
        var called = SupervisorCallPolicy.Callable(directory.SupervisorsOf(Key), S.OnShift, call.CounselorId);
        var outcome = new SupervisorCallOutcome(called.Count,
            called.Count == 0 ? SupervisorCallPolicy.PhoneList(directory.FindDispatcher(Key)?.Phones ?? []) : []);
        SupervisorCallPolicy.Prune(S.Calls, clock.GetUtcNow());
        S.Calls.Add(new DeskCall { Call = call, Outcome = outcome });
        await state.WriteStateAsync();
        _version++;
        foreach (var supervisorId in called)
        {
            await GrainFactory.GetGrain<ISupervisionGrain>(supervisorId).SupervisorCalledAsync(call);
        }
        LogCalled(logger, Key, call.CaseId, call.Reason, called.Count);
        return outcome;
    }

    public async Task AnsweredAsync(string caseId, string supervisorId)
    {
        var open = S.Calls.Where(c => c.Call.CaseId == caseId && c.AnsweredBy is null).ToList();
        if (open.Count == 0)
        {
            return;
        }
        open.ForEach(c => c.AnsweredBy = supervisorId);
        await state.WriteStateAsync();
        _version++;
    }

    public async Task CaseClosedAsync(string caseId)
    {
        if (S.Calls.RemoveAll(c => c.Call.CaseId == caseId) > 0)
        {
            await state.WriteStateAsync();
            _version++;
        }
    }

    public async Task SupervisorPresenceAsync(string supervisorId, Presence presence)
    {
        var before = S.OnShift.GetValueOrDefault(supervisorId, Presence.OffShift);
        if (before == presence)
        {
            return;
        }
        if (presence == Presence.OffShift)
        {
            S.OnShift.Remove(supervisorId);
        }
        else
        {
            S.OnShift[supervisorId] = presence;
        }
        SupervisorCallPolicy.Prune(S.Calls, clock.GetUtcNow());
        await state.WriteStateAsync();
        _version++;
        if (presence == Presence.Available)
        {
            // She came on shift (or back from a break): what nobody answered yet reaches her now.
            foreach (var waiting in S.Calls.Where(c => c.AnsweredBy is null
                && !string.Equals(c.Call.CounselorId, supervisorId, StringComparison.OrdinalIgnoreCase)))
            {
                await GrainFactory.GetGrain<ISupervisionGrain>(supervisorId).SupervisorCalledAsync(waiting.Call);
            }
        }
    }

    public Task<SupervisorCallSummary> GetSummaryAsync()
    {
        var live = S.Calls.Where(c => clock.GetUtcNow() - c.Call.At <= SupervisorCallPolicy.Remembered).ToList();
        return Task.FromResult(SupervisorCallPolicy.Summary(live, S.OnShift.Count, _version));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Supervisor desk {Desk}: case {CaseId} called its supervisors ({Reason}); {Called} on shift told")]
    private static partial void LogCalled(ILogger logger, string desk, string caseId, SupervisorCallReason reason, int called);
}
