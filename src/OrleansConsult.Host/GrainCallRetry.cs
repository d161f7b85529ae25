using Orleans.Runtime;
using Polly;
using Polly.Retry;

namespace OrleansConsult.Host;

/// <summary>
/// Retries a grain call that failed only because its silo was stopping or had just died
/// (rolling update, pod loss): Orleans re-places the grain on the next attempt. Safe because
/// the calls it wraps are idempotent (events are deduplicated by webhookEventId). Bounded
/// well inside LINE's 2 s webhook timeout.
/// </summary>
public static class GrainCallRetry
{
    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<SiloUnavailableException>()
                .Handle<OrleansMessageRejectionException>(),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(50),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
