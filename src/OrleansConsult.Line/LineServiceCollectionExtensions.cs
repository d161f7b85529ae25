using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using OrleansConsult.Line.Messaging;
using OrleansConsult.Line.Outbox;
using OrleansConsult.Line.Sending;
using Polly;
using Polly.Telemetry;

namespace OrleansConsult.Line;

public static class LineServiceCollectionExtensions
{
    public const string HttpClientName = "OrleansConsult.Line";

    /// <summary>
    /// Options (bound from the "Line" section and validated at start), the Messaging API client with
    /// its resilience pipeline, <see cref="LineSender"/>, <see cref="ResilientLineSender"/> and the
    /// <see cref="OutboxDispatcher"/> (also a hosted service). An <see cref="IOutboxStore"/>
    /// registered by the Host replaces the in-memory default.
    /// </summary>
    public static IServiceCollection AddLineMessaging(this IServiceCollection services, IConfiguration section)
    {
        services.AddOptions<LineOptions>()
            .Configure(options => LineSettings.Bind(section, options))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LineOptions>, LineOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<LineMetrics>();
        services.TryAddTransient<LineAttemptHandler>();

        var client = services.AddHttpClient<LineMessagingClient>(HttpClientName, http => http.Timeout = Timeout.InfiniteTimeSpan)
            // The client lives inside singletons (sender, dispatcher): rotate connections in the handler instead of rotating handlers.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler("line", ConfigurePipeline)
            // One pipeline (so one circuit breaker) per channel: a channel whose token was revoked does not stop the others.
            .SelectPipelineBy(_ => request => LineRequestOptions.ChannelOf(request) ?? "");
        client.AddHttpMessageHandler<LineAttemptHandler>();
        // Each retry is counted in LineMetrics and each send's outcome is logged once by its caller, so
        // Polly's per-attempt lines (a warning with a stack trace per try) are Debug, not a flood.
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = QuietAttempts);

        // Rich menus and the quota: the same named client (and so the same per-channel pipeline).
        services.TryAddSingleton<RichMenus.LinePlatformClient>();
        services.TryAddSingleton<RichMenus.RichMenuProvisioner>();

        services.TryAddSingleton<LineSender>();
        services.TryAddSingleton<ResilientLineSender>();
        services.TryAddSingleton<IOutboxStore, InMemoryOutboxStore>();
        services.TryAddSingleton<IOutboxParkListener, NoOutboxParkListener>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static ResilienceEventSeverity QuietAttempts(SeverityProviderArguments args) =>
        args.Event.EventName is "OnRetry" or "ExecutionAttempt" ? ResilienceEventSeverity.Debug : args.Event.Severity;

    private static void ConfigurePipeline(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var options = context.ServiceProvider.GetRequiredService<IOptionsMonitor<LineOptions>>().CurrentValue.Resilience;
        var metrics = context.ServiceProvider.GetRequiredService<LineMetrics>();
        var channel = context.InstanceName;
        // Retry waits and timeouts are network time: always the system clock, even when a test swaps the
        // DI TimeProvider (that one drives the reply-token window and the outbox schedule).
        builder.TimeProvider = TimeProvider.System;

        builder
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout })
            // Retries 5xx, 408, 429 (Retry-After honoured), HttpRequestException and attempt timeouts.
            // The monthly-limit 429 never gets here: LineAttemptHandler turns it into an exception.
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetryAttempts,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                ShouldRetryAfterHeader = true,
                OnRetry = _ =>
                {
                    metrics.Retry(channel);
                    return default;
                },
            })
            .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
            {
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = options.BreakerSamplingDuration,
                BreakDuration = options.BreakerBreakDuration,
            })
            .AddTimeout(new HttpTimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }
}
