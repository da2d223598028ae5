namespace EmbeddedFinance.Core.Onboarding;

/// <summary>The identity verifier's resilience (<c>Onboarding:*</c>): Polly around every call, then parking (ADR 011).</summary>
public sealed class OnboardingOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Onboarding";

    /// <summary>How long one call to the verifier may take before it is abandoned and retried.</summary>
    public TimeSpan VerifierAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a verifier call after a timeout or an outage (jittered exponential back-off) before the message is parked.</summary>
    public int VerifierMaxRetries { get; set; } = 2;

    public TimeSpan VerifierRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan MaxPollyDuration = TimeSpan.FromDays(1);

    public string? Problem() =>
        VerifierAttemptTimeout < TimeSpan.FromMilliseconds(10) || VerifierAttemptTimeout > MaxPollyDuration ? $"{Section}:{nameof(VerifierAttemptTimeout)} must be between 00:00:00.010 and 1.00:00:00 (Polly's timeout range)."
        : VerifierMaxRetries is < 1 or > 10 ? $"{Section}:{nameof(VerifierMaxRetries)} must be between 1 and 10 (Polly retries at least once)."
        : VerifierRetryBaseDelay <= TimeSpan.Zero || VerifierRetryBaseDelay > MaxPollyDuration ? $"{Section}:{nameof(VerifierRetryBaseDelay)} must be above zero and at most 1.00:00:00."
        : null;
}
