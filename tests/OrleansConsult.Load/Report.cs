using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OrleansConsult.Load;

public sealed record BaselineResult(int Concurrency, int Requests, double RequestsPerSecond, LatencySummary Latency, long Failed, double HostCpuSeconds);
public sealed record PhaseResult(double Seconds, double HostCpuSeconds, double? AcceptedEventsPerSecond);
public sealed record HostSnapshot(double CpuSeconds, long RssBytes, long HwmBytes);
public sealed record ViaCount(string Channel, string Via, int Messages);

/// <summary>Everything measured, written as report.json and report.md.</summary>
public sealed class Report
{
    public string Storage { get; set; } = "";
    public DateTimeOffset StartedAt { get; set; } = DateTimeOffset.UtcNow;
    public int Consultees { get; set; }
    public int Counselors { get; set; }
    public int MessagesEach { get; set; }
    public double TargetRate { get; set; }
    public int ProcessorCount { get; set; } = Environment.ProcessorCount;
    public int CounselorsOnShift { get; set; }
    public int Connected { get; set; }
    public int SentToCounselor { get; set; }
    public int SentToConsultee { get; set; }
    public BaselineResult? Baseline { get; set; }
    public PhaseResult? Setup { get; set; }
    public PhaseResult? Chat { get; set; }
    public PhaseResult? End { get; set; }
    public HostSnapshot? HostIdle { get; set; }
    /// <summary>After the /healthz baseline: HTTP stack warm, no grains yet; the base for memory per consultation.</summary>
    public HostSnapshot? HostWarm { get; set; }
    public HostSnapshot? HostAtPeak { get; set; }
    /// <summary>With <see cref="Known"/> quiet consultees stored and (mostly) still active, before setup.</summary>
    public HostSnapshot? HostWithKnown { get; set; }
    /// <summary>At the end of the hold: every consultation open, nothing sent for <see cref="HoldSeconds"/>.</summary>
    public HostSnapshot? HostHeld { get; set; }
    public int Known { get; set; }
    public int KnownAccepted { get; set; }
    public PhaseResult? KnownPhase { get; set; }
    public double HoldSeconds { get; set; }
    public int HostMemoryMiB { get; set; }
    public HostSnapshot? HostFinal { get; set; }
    /// <summary>With --warm-up: the consultations run before the measured phases.</summary>
    public WarmUpResult? WarmUp { get; set; }
    /// <summary>After the warm-up's consultations ended: the base for memory per consultation when there was one.</summary>
    public HostSnapshot? HostAfterWarmUp { get; set; }
    public long PeakRss { get; set; }

    /// <summary>Webhook acks of every kind in each 5 s of the run, by the progress line's clock.</summary>
    public List<AckWindow> AckBy5s { get; } = [];
    public LatencySummary? AckChat { get; set; }
    /// <summary>The known consultees' batched requests (three events each).</summary>
    public LatencySummary? AckKnown { get; set; }
    public LatencySummary? AckSetup { get; set; }
    public LatencySummary? AckEnd { get; set; }
    public LatencySummary? RelayToCounselor { get; set; }
    public LatencySummary? RelayToConsultee { get; set; }
    public LatencySummary? Routing { get; set; }
    public SortedDictionary<string, int> Errors { get; set; } = [];
    public List<ViaCount> Deliveries { get; set; } = [];
    /// <summary>"direction via" -> relayed messages: which relays used a free reply token and which a billed push.</summary>
    public SortedDictionary<string, int> RelayVia { get; set; } = new(StringComparer.Ordinal);
    public double RepliesPerConsultation { get; set; }
    public double PushesPerConsultation { get; set; }
    /// <summary>Both channels: every message sent during the run, per consultation (pushes are what LINE bills).</summary>
    public double AllRepliesPerConsultation { get; set; }
    public double AllPushesPerConsultation { get; set; }
    public int HostLogWarnings { get; set; }
    public int HostLogErrors { get; set; }
    public string Scenario { get; set; } = "closed-loop";
    public SurgeResult? Surge { get; set; }

    /// <summary>Lost or duplicated messages: the only thing that fails the run (never a wall-clock number).</summary>
    public int LostOrDuplicated => Errors.Where(e => e.Key.StartsWith("lost", StringComparison.Ordinal) || e.Key.StartsWith("duplicated", StringComparison.Ordinal)
        || e.Key.StartsWith("retry key", StringComparison.Ordinal)).Sum(e => e.Value);

    public void Finish(LoadOptions o, Tally errors, Samples setupAck, Samples chatAck, Samples endAck, Samples toCounselor, Samples toConsultee, Samples routing, HostChild host)
    {
        Storage = o.Storage;
        Scenario = o.Scenario;
        Consultees = o.Consultees;
        Counselors = o.Counselors;
        MessagesEach = o.Messages;
        TargetRate = o.Rate;
        Known = o.Known;
        HoldSeconds = o.HoldSeconds;
        HostMemoryMiB = o.HostMemoryMiB;
        Errors = errors.Snapshot();
        AckSetup = setupAck.Summary();
        AckChat = chatAck.Summary();
        AckEnd = endAck.Summary();
        RelayToCounselor = toCounselor.Summary();
        RelayToConsultee = toConsultee.Summary();
        Routing = routing.Summary();
        var (rss, hwm) = host.Memory();
        HostFinal = new HostSnapshot(host.CpuSeconds(), rss, hwm);
        HostLogWarnings = host.LogWarnings;
        HostLogErrors = host.LogErrors;
    }

    public void CountRelayVia(string direction, string via)
    {
        var key = $"{direction} via {via}";
        RelayVia[key] = RelayVia.GetValueOrDefault(key) + 1;
    }

    public void CountDeliveries(Mailboxes mail, int consultations)
    {
        Deliveries = mail.All().SelectMany(b => b.Inbox.Select(m => (b.Channel, m.Via)))
            .GroupBy(x => x).Select(g => new ViaCount(g.Key.Channel, g.Key.Via, g.Count())).OrderBy(v => v.Channel).ThenBy(v => v.Via).ToList();
        var toConsultees = Deliveries.Where(d => d.Channel == "consultee").ToList();
        RepliesPerConsultation = consultations == 0 ? 0 : toConsultees.Where(d => d.Via == "reply").Sum(d => d.Messages) / (double)consultations;
        PushesPerConsultation = consultations == 0 ? 0 : toConsultees.Where(d => d.Via != "reply").Sum(d => d.Messages) / (double)consultations;
        AllRepliesPerConsultation = consultations == 0 ? 0 : Deliveries.Where(d => d.Via == "reply").Sum(d => d.Messages) / (double)consultations;
        AllPushesPerConsultation = consultations == 0 ? 0 : Deliveries.Where(d => d.Via != "reply").Sum(d => d.Messages) / (double)consultations;
    }

    /// <summary>A latency in ms as the tables show it: one decimal under 10 ms, a dash when there is none.</summary>
    private static string Ms(double v) => double.IsNaN(v) ? "–" : v.ToString(v < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);

    /// <summary>The five latency columns (min, p50, p95, p99, max) of a latency table row.</summary>
    private static string Lat(LatencySummary? s) =>
        s is null || s.Count == 0 ? "– | – | – | – | –" : $"{Ms(s.Min)} | {Ms(s.P50)} | {Ms(s.P95)} | {Ms(s.P99)} | {Ms(s.Max)}";

    private void SurgeMarkdown(StringBuilder sb, SurgeResult s)
    {
        var c = CultureInfo.InvariantCulture;
        var healthz = Baseline?.RequestsPerSecond ?? 0;
        sb.AppendLine(c, $"### surge, {Storage}: {s.Consultees} new consultees in {s.ArrivalSeconds:0} s, {Counselors} counselors, {ProcessorCount} cores, {HostAge()}, {StartedAt:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine("| measure | count | min ms | p50 ms | p95 ms | p99 ms | max ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine(c, $"| /healthz baseline ({Baseline?.Concurrency} concurrent) | {Baseline?.Requests} | {Lat(Baseline?.Latency)} |");
        sb.AppendLine(c, $"| webhook ack, surge (follow, consent, area, 相談する) | {s.Ack?.Count} | {Lat(s.Ack)} |");
        sb.AppendLine(c, $"| webhook ack, counselors (enroll, 出勤, accept) | {AckSetup?.Count} | {Lat(AckSetup)} |");
        sb.AppendLine(c, $"| routing 相談する → offer card | {Routing?.Count} | {Lat(Routing)} |");
        WarmUpRows(sb);
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(c, $"| /healthz baseline requests/s | {healthz:0} |");
        WarmUpFigure(sb);
        sb.AppendLine(c, $"| consultees ready / asked / offered / connected | {s.Ready} / {s.Asked} / {s.Offered} / {s.Connected} |");
        sb.AppendLine(c, $"| offers/s, first to last offer card ({s.OfferSeconds:0.0} s) | {s.OffersPerSecond:0.0} ({(healthz > 0 ? s.OffersPerSecond / healthz : 0):P2} of /healthz) |");
        sb.AppendLine(c, $"| offers/s, best 5 s | {s.PeakOffersPerSecond:0.0} |");
        sb.AppendLine(c, $"| place told: said / first in line (not said) / not told | {s.ToldPlaceSaid} / {s.ToldPlaceFirst} / {s.NotTold} |");
        sb.AppendLine(c, $"| place heard: true / untrue; worst error (places beyond the proven range) | {s.PlaceTrue} / {s.PlaceUntrue}; {s.WorstPlaceError} |");
        sb.AppendLine(c, $"| place check slack: places the LINE side cannot tell apart, p50 / max; offer cards numbered by retry key | {s.PlaceSlackP50} / {s.PlaceSlackMax}; {s.CardsNumbered} of {s.Offered} |");
        sb.AppendLine(c, $"| offered before someone who sent 相談する > 1 s earlier (reached the queue later: pipeline, not queue order) | {s.Overtaken} |");
        sb.AppendLine(c, $"| surge phase seconds / host CPU s | {s.Phase?.Seconds:0.0} / {s.Phase?.HostCpuSeconds:0.0} |");
        sb.AppendLine(c, $"| host RSS warm / peak (VmHWM) MiB | {(HostWarm?.RssBytes ?? 0) / 1048576.0:0} / {(HostFinal?.HwmBytes ?? 0) / 1048576.0:0} |");
        sb.AppendLine(c, $"| host log lines warn / fail | {HostLogWarnings} / {HostLogErrors} |");
        sb.AppendLine(c, $"| errors (lost or duplicated) | {Errors.Values.Sum()} ({LostOrDuplicated}) |");
        foreach (var (kind, n) in Errors)
        {
            sb.AppendLine(c, $"| error: {kind} | {n} |");
        }
    }

    /// <summary>"fresh Host" or "Host warmed by N consultations": which of the two a figure is of.</summary>
    private string HostAge() => WarmUp is { } w ? $"Host warmed by {w.Connected} consultations" : "fresh Host";

    private void WarmUpRows(StringBuilder sb)
    {
        if (WarmUp is { } w)
        {
            var c = CultureInfo.InvariantCulture;
            sb.AppendLine(c, $"| warm-up: webhook ack, setup (not measured phases) | {w.AckSetup.Count} | {Lat(w.AckSetup)} |");
            sb.AppendLine(c, $"| warm-up: webhook ack, chat | {w.AckChat.Count} | {Lat(w.AckChat)} |");
            sb.AppendLine(c, $"| warm-up: routing 相談する → offer card | {w.Routing.Count} | {Lat(w.Routing)} |");
        }
    }

    private void WarmUpFigure(StringBuilder sb)
    {
        if (WarmUp is { } w)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| warm-up: consultations connected and ended of {w.Consultees} / seconds / host CPU s / host RSS after MiB | {w.Connected} / {w.Phase.Seconds:0.0} / {w.Phase.HostCpuSeconds:0.0} / {(HostAfterWarmUp?.RssBytes ?? 0) / 1048576.0:0} |");
        }
    }

    public async Task WriteAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.json"), JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
        await File.WriteAllTextAsync(Path.Combine(folder, "report.md"), Markdown());
    }

    public string Markdown()
    {
        var c = CultureInfo.InvariantCulture;
        string Mb(long bytes) => (bytes / 1048576.0).ToString("0", c);
        var chatRate = Chat?.AcceptedEventsPerSecond ?? 0;
        var sb = new StringBuilder();
        if (Surge is { } surge)
        {
            SurgeMarkdown(sb, surge);
            return sb.ToString();
        }
        sb.AppendLine(c, $"### {Storage}: {Consultees} consultees, {Counselors} counselors, {MessagesEach} messages each, rate {(TargetRate > 0 ? TargetRate.ToString(c) + "/s" : "unlimited")}, {ProcessorCount} cores, {HostAge()}{(HostMemoryMiB > 0 ? $", Host memory limit {HostMemoryMiB} MiB" : "")}, {StartedAt:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine("| measure | count | min ms | p50 ms | p95 ms | p99 ms | max ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine(c, $"| /healthz baseline ({Baseline?.Concurrency} concurrent) | {Baseline?.Requests} | {Lat(Baseline?.Latency)} |");
        sb.AppendLine(c, $"| webhook ack, chat phase | {AckChat?.Count} | {Lat(AckChat)} |");
        if (AckKnown is { Count: > 0 })
        {
            sb.AppendLine(c, $"| webhook ack, known consultees (3 events a request) | {AckKnown.Count} | {Lat(AckKnown)} |");
        }
        sb.AppendLine(c, $"| webhook ack, setup phase | {AckSetup?.Count} | {Lat(AckSetup)} |");
        sb.AppendLine(c, $"| webhook ack, end phase | {AckEnd?.Count} | {Lat(AckEnd)} |");
        sb.AppendLine(c, $"| relay consultee → counselor | {RelayToCounselor?.Count} | {Lat(RelayToCounselor)} |");
        sb.AppendLine(c, $"| relay counselor → consultee | {RelayToConsultee?.Count} | {Lat(RelayToConsultee)} |");
        sb.AppendLine(c, $"| routing 相談する → offer card | {Routing?.Count} | {Lat(Routing)} |");
        WarmUpRows(sb);
        sb.AppendLine();
        sb.AppendLine("| figure | value |");
        sb.AppendLine("|---|---:|");
        sb.AppendLine(c, $"| /healthz baseline requests/s | {Baseline?.RequestsPerSecond:0} |");
        WarmUpFigure(sb);
        sb.AppendLine(c, $"| webhook events/s accepted (chat phase) | {chatRate:0.0} |");
        sb.AppendLine(c, $"| webhook events/s as share of /healthz requests/s | {(Baseline is { RequestsPerSecond: > 0 } b ? chatRate / b.RequestsPerSecond : 0):P1} |");
        sb.AppendLine(c, $"| counselors on shift / consultations connected | {CounselorsOnShift} / {Connected} |");
        sb.AppendLine(c, $"| messages sent consultee→counselor / counselor→consultee | {SentToCounselor} / {SentToConsultee} |");
        sb.AppendLine(c, $"| phase seconds: setup / chat / end | {Setup?.Seconds:0.0} / {Chat?.Seconds:0.0} / {End?.Seconds:0.0} |");
        sb.AppendLine(c, $"| host CPU s: baseline / setup / chat / end | {Baseline?.HostCpuSeconds:0.0} / {Setup?.HostCpuSeconds:0.0} / {Chat?.HostCpuSeconds:0.0} / {End?.HostCpuSeconds:0.0} |");
        sb.AppendLine(c, $"| host CPU ms per accepted chat event | {(Chat is { AcceptedEventsPerSecond: > 0 } ch ? 1000 * ch.HostCpuSeconds / (ch.AcceptedEventsPerSecond.Value * ch.Seconds) : 0):0.00} |");
        sb.AppendLine(c, $"| host RSS idle / warm / after chat / peak (VmHWM) MiB | {Mb(HostIdle?.RssBytes ?? 0)} / {Mb(HostWarm?.RssBytes ?? 0)} / {Mb(HostAtPeak?.RssBytes ?? 0)} / {Mb(HostFinal?.HwmBytes ?? 0)} |");
        var before = HostWithKnown ?? HostAfterWarmUp ?? HostWarm;
        sb.AppendLine(c, $"| RSS growth per active consultation KiB (after chat − {(HostWithKnown is not null ? "with known" : HostAfterWarmUp is not null ? "after warm-up" : "warm")}) | {(Connected > 0 && HostAtPeak is not null && before is not null ? (HostAtPeak.RssBytes - before.RssBytes) / 1024.0 / Connected : 0):0} |");
        if (Known > 0)
        {
            sb.AppendLine(c, $"| known consultees accepted / seconds / events/s | {KnownAccepted} / {KnownPhase?.Seconds:0} / {KnownPhase?.AcceptedEventsPerSecond:0} |");
            sb.AppendLine(c, $"| host RSS with the known consultees MiB | {Mb(HostWithKnown?.RssBytes ?? 0)} |");
            sb.AppendLine(c, $"| RSS per known consultee KiB (with known − {(HostAfterWarmUp is null ? "warm" : "after warm-up")}) | {(KnownAccepted > 0 && HostWithKnown is not null && (HostAfterWarmUp ?? HostWarm) is { } known0 ? (HostWithKnown.RssBytes - known0.RssBytes) / 1024.0 / KnownAccepted : 0):0.0} |");
        }
        if (HoldSeconds > 0)
        {
            sb.AppendLine(c, $"| host RSS after {HoldSeconds:0} s holding every consultation open MiB | {Mb(HostHeld?.RssBytes ?? 0)} |");
        }
        sb.AppendLine(c, $"| consultee messages per consultation: reply / push | {RepliesPerConsultation:0.0} / {PushesPerConsultation:0.0} |");
        var all = AllRepliesPerConsultation + AllPushesPerConsultation;
        sb.AppendLine(c, $"| all messages per consultation (both channels): reply / push (push share) | {AllRepliesPerConsultation:0.0} / {AllPushesPerConsultation:0.0} ({(all > 0 ? AllPushesPerConsultation / all : 0):P0}) |");
        foreach (var d in Deliveries)
        {
            sb.AppendLine(c, $"| deliveries {d.Channel} via {d.Via} | {d.Messages} |");
        }
        foreach (var (key, n) in RelayVia)
        {
            sb.AppendLine(c, $"| relayed {key} | {n} |");
        }
        sb.AppendLine(c, $"| host log lines warn / fail | {HostLogWarnings} / {HostLogErrors} |");
        sb.AppendLine(c, $"| errors (lost or duplicated) | {Errors.Values.Sum()} ({LostOrDuplicated}) |");
        foreach (var (kind, n) in Errors)
        {
            sb.AppendLine(c, $"| error: {kind} | {n} |");
        }
        return sb.ToString();
    }
}
