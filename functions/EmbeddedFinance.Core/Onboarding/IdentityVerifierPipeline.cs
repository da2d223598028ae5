using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace EmbeddedFinance.Core.Onboarding;

/// <summary>
/// Every verifier call goes through this: a timeout per attempt and a few jittered retries on timeouts and outages.
/// What outlasts them is parked on the queue (<see cref="IdentityVerifierUnavailableException"/> is transient, ADR 011),
/// so an outage of any length delays verification and strands nothing. Retrying is safe: the verifier is idempotent by
/// submission id.
/// </summary>
public sealed class IdentityVerifierPipeline
{
    private readonly ResiliencePipeline pipeline;

    public IdentityVerifierPipeline(IOptions<OnboardingOptions> options, TimeProvider clock, ILogger<IdentityVerifierPipeline> logger)
    {
        var settings = options.Value;
        pipeline = new ResiliencePipelineBuilder { TimeProvider = clock }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<TimeoutRejectedException>().Handle<IdentityVerifierUnavailableException>().Handle<HttpRequestException>(),
                MaxRetryAttempts = settings.VerifierMaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.VerifierRetryBaseDelay,
                OnRetry = retry =>
                {
                    logger.LogWarning("Identity verifier call failed ({Reason}); retry {Attempt} in {DelayMs:0} ms",
                        retry.Outcome.Exception?.GetType().Name, retry.AttemptNumber + 1, retry.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(settings.VerifierAttemptTimeout)
            .Build();
    }

    public ValueTask<IdentityVerdict> VerifyAsync(IIdentityVerifier verifier, IdentityCheck check, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(async token => await verifier.VerifyAsync(check, token), cancellationToken);
}
