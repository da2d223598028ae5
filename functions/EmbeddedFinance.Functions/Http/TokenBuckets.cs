using System.Threading.RateLimiting;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// A token bucket per partition (an API key, a client address), in this process: <c>burst</c> tokens, refilled at
/// <c>perSecond</c>, never queued. The one mechanism behind the per-key and per-address limits.
/// </summary>
public sealed class TokenBuckets(int burst, int perSecond) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(partition =>
        RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    /// <summary>Null when the partition may go ahead (a token is used); otherwise how long until it may try again.</summary>
    public TimeSpan? TryAcquire(string partition) => WaitOf(limiter.AttemptAcquire(partition), TimeSpan.FromSeconds(1));

    /// <summary>Null when the lease was granted; otherwise the limiter's retry time, or <paramref name="unlessSaid"/> when it gives none.</summary>
    public static TimeSpan? WaitOf(RateLimitLease lease, TimeSpan unlessSaid)
    {
        using (lease)
        {
            if (lease.IsAcquired) return null;
            return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : unlessSaid;
        }
    }

    public void Dispose() => limiter.Dispose();
}
