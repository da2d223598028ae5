namespace EmbeddedFinance.Core.Payouts;

public sealed class PayoutOptions
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

    public long FeeFor(PayoutMethod method, long amount) => method == PayoutMethod.Standard
        ? 0
        : Math.Max(InstantFeeMinimum, (amount * InstantFeeBasisPoints + 9_999) / 10_000);
}
