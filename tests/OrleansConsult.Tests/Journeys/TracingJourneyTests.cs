using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using OrleansConsult.Tests.Infrastructure;

namespace OrleansConsult.Tests.Journeys;

/// <summary>
/// One consultee message makes one trace: the webhook, the grains it crosses (Orleans carries the
/// context), the case relaying it and the LINE send to the counselor, with the case tag as an
/// attribute and nothing that names her or repeats what she wrote.
/// </summary>
public sealed class TracingJourneyTests
{
    private static readonly DateOnly Tuesday = new(2026, 12, 1);
    private const string Sakura = "TYM-4K7Q-9M2X";

    [Fact]
    public async Task A_relayed_message_is_one_trace_from_the_webhook_to_the_line_send_without_personal_data()
    {
        var spans = new List<Activity>();
        await using var journey = await JourneyHost.StartAsync(Tuesday, TimeSpan.FromHours(10), configure: builder =>
        {
            builder.Configuration["Tracing:Enabled"] = "true";
            builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(spans));
        });
        var herId = "Utrace" + Guid.NewGuid().ToString("N");
        var counselor = await journey.OnShiftAsync("Ustaff-trace-" + herId[^6..], Sakura);
        var she = await journey.ReadyConsulteeAsync(herId, "高岡市");
        await she.SayAsync("相談する");
        var caseId = await counselor.AnswerOfferAsync(accept: true);
        await she.ExpectAsync("相談員とつながりました");

        const string text = "検査薬は陽性でした";
        await she.SayAsync(text);
        await counselor.ExpectAsync(text);

        var tag = OrleansConsult.Grains.Conversation.CaseIds.Tag(caseId);
        List<Activity> Snapshot() { lock (spans) { return spans.ToList(); } }
        Activity? relay = null;
        Assert.True(await Eventually.TrueAsync(() =>
        {
            // A span is exported when it ends: her event's work ends after the send it caused.
            // The listener hears every host in this test process: her case's span is the one with its tag.
            relay = Snapshot().LastOrDefault(s => s.OperationName == "case.from_consultee" && (string?)s.GetTagItem("oc.case") == tag);
            return Task.FromResult(relay is not null
                && Snapshot().Any(s => s.TraceId == relay.TraceId && s.OperationName == "line.send")
                && Snapshot().Any(s => s.TraceId == relay.TraceId && s.OperationName == "line_user.work"));
        }, TimeSpan.FromSeconds(10)), "no trace reached from her event's work through the case's relay to a LINE send");

        var trace = Snapshot().Where(s => s.TraceId == relay!.TraceId).ToList();
        var root = Assert.Single(trace, s => s.OperationName == "line.webhook");
        Assert.Equal("consultee", root.GetTagItem("oc.channel"));
        Assert.Equal(default, root.ParentSpanId);
        Assert.Contains(trace, s => s.OperationName == "line_user.work" && (string?)s.GetTagItem("oc.audience") == "Consultee");
        var send = Assert.Single(trace, s => s.OperationName == "line.send");
        Assert.Equal("staff", send.GetTagItem("oc.channel"));
        Assert.Contains(trace, s => s.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal));

        // No span of the whole run carries her LINE id, her pseudonymous key or what she wrote.
        foreach (var span in Snapshot())
        {
            foreach (var (name, value) in span.Tags)
            {
                Assert.DoesNotContain(herId, value ?? "");
                Assert.DoesNotContain(text, value ?? "");
            }
            Assert.DoesNotContain(herId, span.DisplayName);
        }
    }
}
