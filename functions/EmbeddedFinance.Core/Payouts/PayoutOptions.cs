namespace EmbeddedFinance.Core.Payouts;

public sealed class PayoutOptions : Common.ISelfValidatingOptions
{
    public const string Section = "Payouts";

    /// <summary>An instant payout's fee, in hundredths of a percent of its amount (100 = 1 %), rounded up.</summary>
    public int InstantFeeBasisPoints { get; set; } = 100;

    /// <summary>The smallest instant payout fee, in minor units.</summary>
    public long InstantFeeMinimum { get; set; } = 50;

    /// <summary>The largest amount one instant payout may carry, in minor units.</summary>
    public long InstantMaxAmount { get; set; } = 1_000_000;

    /// <summary>How long one call to the payout rail may take before it is abandoned and retried.</summary>
    public TimeSpan RailAttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of a rail call after a timeout or a transient error (jittered exponential back-off).</summary>
    public int RailMaxRetries { get; set; } = 3;

    public TimeSpan RailRetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long the rail is left alone after it failed most calls of a recent window.</summary>
    public TimeSpan RailBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the sandbox rail takes to report a payout paid or failed.</summary>
    public TimeSpan SandboxReportAfter { get; set; } = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MinPollyTimeout = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan MinPollyBreak = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxPollyDuration = TimeSpan.FromDays(1);

    public long FeeFor(PayoutMethod method, long amount) => method == PayoutMethod.Standard
        ? 0
        : Math.Max(InstantFeeMinimum, (amount * InstantFeeBasisPoints + 9_999) / 10_000);

    public string? Problem() =>
        InstantFeeBasisPoints is < 0 or > 10_000 ? $"{Section}:{nameof(InstantFeeBasisPoints)} must be between 0 and 10000 (100 %)."
        : InstantFeeMinimum < 0 ? $"{Section}:{nameof(InstantFeeMinimum)} must be 0 or more."
        : InstantMaxAmount < 1 ? $"{Section}:{nameof(InstantMaxAmount)} must be at least 1."
        // The rail bounds are Polly's own (TimeoutStrategyOptions, RetryStrategyOptions, CircuitBreakerStrategyOptions):
        // a value Polly refuses would otherwise pass start-up and throw on the first payout.
        : RailAttemptTimeout < MinPollyTimeout || RailAttemptTimeout > MaxPollyDuration ? $"{Section}:{nameof(RailAttemptTimeout)} must be between 00:00:00.010 and 1.00:00:00 (Polly's timeout range)."
        : RailMaxRetries is < 1 or > 10 ? $"{Section}:{nameof(RailMaxRetries)} must be between 1 and 10 (Polly retries at least once)."
        : RailRetryBaseDelay <= TimeSpan.Zero || RailRetryBaseDelay > MaxPollyDuration ? $"{Section}:{nameof(RailRetryBaseDelay)} must be above zero and at most 1.00:00:00 (Polly's longest retry delay)."
        : RailBreakDuration < MinPollyBreak || RailBreakDuration > MaxPollyDuration ? $"{Section}:{nameof(RailBreakDuration)} must be between 00:00:00.500 and 1.00:00:00 (Polly's break duration range)."
        : SandboxReportAfter < TimeSpan.Zero ? $"{Section}:{nameof(SandboxReportAfter)} must be 0 or more."
        : null;
}
