using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using OrleansConsult.OperatorConsole.Board;

namespace OrleansConsult.Host.Quota;

/// <summary>
/// The latest quota reading of each channel, for the console board and as gauges on the meter
/// "OrleansConsult.Line.Quota" (line_quota_used, line_quota_limit, line_quota_used_ratio on /metrics).
/// </summary>
public sealed class PushQuotaReadings : IPushQuotaView
{
    public const string MeterName = "OrleansConsult.Line.Quota";

    private readonly ConcurrentDictionary<string, PushQuotaRow> _latest = new(StringComparer.Ordinal);

    public PushQuotaReadings(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("line.quota.used", () => _latest.Values.Select(r => new Measurement<long>(r.Used, Tag(r))),
            description: "Messages that counted against the channel's quota this month (LINE's figure)");
        meter.CreateObservableGauge("line.quota.limit", () => _latest.Values.Where(r => r.Limit is not null).Select(r => new Measurement<long>(r.Limit!.Value, Tag(r))),
            description: "The month's quota: LINE's limit, else Line:Channels:{name}:MonthlyQuota");
        meter.CreateObservableGauge("line.quota.used_ratio", () => _latest.Values.Where(r => r.Share is not null).Select(r => new Measurement<double>(r.Share!.Value, Tag(r))),
            description: "Share of the month's quota used");
    }

    public IReadOnlyList<PushQuotaRow> Latest => _latest.Values.OrderBy(r => r.Channel, StringComparer.Ordinal).ToList();

    public void Record(PushQuotaRow row) => _latest[row.Channel] = row;

    private static KeyValuePair<string, object?> Tag(PushQuotaRow row) => new("channel", row.Channel);
}
