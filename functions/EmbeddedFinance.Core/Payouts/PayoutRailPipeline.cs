using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace EmbeddedFinance.Core.Payouts;

/// <summary>
/// Every rail call goes through this: a timeout per attempt, retries with jittered exponential back-off on
/// timeouts and transient errors, and a circuit breaker that stops hammering a rail that is down. Retrying is
/// safe because the rail is idempotent by payout id.
/// </summary>
public sealed class PayoutRailPipeline
{
    private readonly ResiliencePipeline pipeline;

    public PayoutRailPipeline(IOptions<PayoutOptions> options, TimeProvider clock, ILogger<PayoutRailPipeline> logger)
    {
        var settings = options.Value;
        var transient = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<PayoutRailUnavailableException>().Handle<HttpRequestException>();
        pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = settings.RailMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RailRetryBaseDelay,
                OnRetry = retry =>
                {
                    logger.LogWarning("Payout rail call failed ({Reason}); retry {Attempt} in {DelayMs:0} ms",
                        retry.Outcome.Exception?.GetType().Name, retry.AttemptNumber + 1, retry.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.RailBreakDuration,
                OnOpened = opened =>
                {
                    logger.LogError("Payout rail circuit opened for {BreakSeconds:0} s after repeated failures; payouts wait in their queue", opened.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.RailAttemptTimeout)
            .Build();
    }

    public ValueTask<RailAcceptance> SubmitAsync(IPayoutRail rail, PayoutInstruction instruction, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(async token => await rail.SubmitAsync(instruction, token), cancellationToken);
}
