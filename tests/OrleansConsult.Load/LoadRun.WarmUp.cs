namespace OrleansConsult.Load;

/// <summary>
/// A pod that has served a while: before the measured phases, other consultees go through whole consultations with
/// the same counselors (ready, ask, connected, two messages each way, ended), so the measured phases run on compiled
/// code paths and grown pools rather than on a process seconds old. Its figures are reported apart; whatever it lost
/// or duplicated counts against the run like the rest.
/// </summary>
public sealed partial class LoadRun
{
    /// <summary>Set on a warm-up's own run: its sends show on the parent's progress line.</summary>
    private LoadRun? _progressTo;

    private async Task WarmUpAsync()
    {
        _phase = "warm-up";
        var started = _clock.Elapsed;
        var cpu0 = host.CpuSeconds();
        var warm = new LoadRun(options.ForWarmUp(), sender, mail, host, http, pseudonyms) { _progressTo = this };
        var people = Enumerable.Range(LoadOptions.WarmUpFirstIndex, options.WarmUp).Select(i => new Person(i)).ToList();
        await warm.SetupAsync(people);
        await warm.ChatAsync(people);
        await warm.EndAsync(people);
        foreach (var (kind, n) in warm.Errors.Snapshot())
        {
            Errors.Add($"{kind} (warm-up)", n);
        }
        Report.CounselorsOnShift = warm.Report.CounselorsOnShift;
        Report.WarmUp = new WarmUpResult(options.WarmUp, warm.Report.Connected, PhaseResult(started, cpu0, null),
            warm._setupAck.Summary(), warm._chatAck.Summary(), warm._routing.Summary());
        Report.HostAfterWarmUp = Snapshot();
    }
}
