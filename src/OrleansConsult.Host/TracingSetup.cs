using OpenTelemetry.Exporter;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using OrleansConsult.Grains;
using OrleansConsult.Line;

namespace OrleansConsult.Host;

/// <summary>
/// Tracing with OpenTelemetry: on when <c>Tracing:Enabled</c> is true or an OTLP endpoint is set
/// (<c>Tracing:OtlpEndpoint</c>, or the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>). Off, no span is
/// even created (an ActivitySource with no listener costs a null check).
/// </summary>
public static class TracingSetup
{
    public const string Section = "Tracing";

    /// <summary>Orleans' own spans for grain calls, which carry the trace from grain to grain.</summary>
    private static readonly string[] OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{Section}:Enabled") || OtlpEndpoint(configuration) is not null;

    public static void AddTracing(WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration))
        {
            return;
        }
        var endpoint = OtlpEndpoint(builder.Configuration);
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(builder.Configuration[$"{Section}:ServiceName"] ?? "orleansconsult"))
            .WithTracing(tracing =>
            {
                tracing.AddSource(HostTracing.SourceName, EngineTracing.SourceName, LineTracing.SourceName).AddSource(OrleansSources);
                if (endpoint is not null)
                {
                    tracing.AddOtlpExporter(o =>
                    {
                        o.Endpoint = endpoint;
                        o.Protocol = builder.Configuration[$"{Section}:OtlpProtocol"] == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                    });
                }
            });
    }

    private static Uri? OtlpEndpoint(IConfiguration configuration) =>
        (configuration[$"{Section}:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]) is { Length: > 0 } value ? new Uri(value) : null;
}
