using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// A token bucket per API key, in this process: one merchant's burst cannot starve the others. Each instance keeps
/// its own buckets, so the platform-wide allowance is the per-key rate times the instance count; it protects the
/// instance and the storage partition behind it, not a billing quota.
/// </summary>
public sealed class ApiKeyRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly TokenBuckets buckets = new(options.Value.Burst, options.Value.PermitsPerSecond);
    private readonly bool enabled = options.Value.Enabled;

    /// <summary>Null when the key may go ahead; otherwise how long until it may try again.</summary>
    public TimeSpan? TryAcquire(string keyId) => enabled ? buckets.TryAcquire(keyId) : null;

    public void Dispose() => buckets.Dispose();
}
