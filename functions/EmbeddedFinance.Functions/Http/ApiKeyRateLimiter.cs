using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// A token bucket per API key, in this process: one merchant's burst cannot starve the others. Each instance keeps
/// its own buckets, so the platform-wide allowance is the per-key rate times the instance count; it protects the
/// instance and the storage partition behind it, not a billing quota.
/// </summary>
public sealed class ApiKeyRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter;
    private readonly bool enabled;

    public ApiKeyRateLimiter(IOptions<RateLimitOptions> options)
    {
        var settings = options.Value;
        enabled = settings.Enabled;
        limiter = PartitionedRateLimiter.Create<string, string>(keyId => RateLimitPartition.GetTokenBucketLimiter(keyId, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Burst,
            TokensPerPeriod = settings.PermitsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Null when the key may go ahead; otherwise how long until it may try again.</summary>
    public TimeSpan? TryAcquire(string keyId)
    {
        if (!enabled) return null;
        using var lease = limiter.AttemptAcquire(keyId);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => limiter.Dispose();
}
