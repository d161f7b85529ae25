using Polly;
using Polly.Retry;

namespace OrleansConsult.Host;

/// <summary>
/// Retries a grain call that failed only because its silo was stopping or had just died
/// (rolling update, pod loss): Orleans re-places the grain on the next attempt. A call whose
/// response was lost with a stopping silo (it times out) is retried too. Safe because the calls
/// it wraps are idempotent (events are deduplicated by webhookEventId).
/// </summary>
public static class GrainCallRetry
{
    public static readonly ResiliencePipeline Pipeline = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder()
                .Handle<SiloUnavailableException>()
                .Handle<OrleansMessageRejectionException>()
                .Handle<TimeoutException>(),
            MaxRetryAttempts = 4,
            Delay = TimeSpan.FromMilliseconds(50),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
        })
        .Build();
}
