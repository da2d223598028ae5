using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Functions.Http;

/// <summary>
/// Limits, per client address and in this process, the traffic that no valid key vouches for, before it costs a storage
/// read: requests without a key (public routes included) and with an unknown one draw from the address's token bucket,
/// and an address that failed authentication <see cref="RateLimitOptions.FailedAuthenticationLimit"/> times within the
/// window is not looked up again until enough of those failures have left the window. Every instance counts on its own, like <see cref="ApiKeyRateLimiter"/>:
/// this protects the instance and its storage, it is not a quota.
/// </summary>
public sealed class ClientAddressLimiter : IDisposable
{
    private const int FailureWindowSegments = 10;

    private readonly TokenBuckets unauthenticated;
    private readonly PartitionedRateLimiter<string> failures;
    private readonly RateLimitOptions settings;
    private readonly TimeSpan failureSegment;
    private readonly ILogger<ClientAddressLimiter> logger;

    public ClientAddressLimiter(IOptions<RateLimitOptions> options, ILogger<ClientAddressLimiter> logger)
    {
        settings = options.Value;
        this.logger = logger;
        unauthenticated = new TokenBuckets(settings.UnauthenticatedBurst, settings.UnauthenticatedPermitsPerSecond);
        // A sliding window: failures leave it a segment at a time, so a burst of them straddling a boundary still counts whole.
        failures = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetSlidingWindowLimiter(address, _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = settings.FailedAuthenticationLimit,
            Window = settings.FailedAuthenticationWindow,
            SegmentsPerWindow = FailureWindowSegments,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
        failureSegment = settings.FailedAuthenticationWindow / FailureWindowSegments;
    }

    /// <summary>
    /// Before authentication, so before any storage read. A request presenting a key is refused only while its address is
    /// over its failed authentications (a key is not looked up then, so a valid one from that address waits too); any other
    /// draws from the address's bucket. Null when the request may go ahead; otherwise how long until it may try again.
    /// </summary>
    public TimeSpan? BeforeAuthentication(string address, bool presentsKey)
    {
        if (!settings.Enabled) return null;
        // Zero permits asks whether any are left without using one.
        return presentsKey ? FailureWait(failures.AttemptAcquire(address, 0)) : unauthenticated.TryAcquire(address);
    }

    /// <summary>
    /// After a presented key failed to authenticate: counts the failure and draws from the address's bucket, as a request
    /// without a key does. Null when the request may be answered 401; otherwise how long until the address may try again.
    /// </summary>
    public TimeSpan? AfterFailedAuthentication(string address)
    {
        if (!settings.Enabled) return null;
        using (var counted = failures.AttemptAcquire(address))
        {
            if (counted.IsAcquired && FailureWait(failures.AttemptAcquire(address, 0)) is not null)
            {
                logger.LogWarning("Client address {ClientAddress} failed authentication {Failures} times within {Window}; its requests presenting a key get 429 rate_limited, unread, until those failures leave the window",
                    address, settings.FailedAuthenticationLimit, settings.FailedAuthenticationWindow);
            }
        }
        return unauthenticated.TryAcquire(address);
    }

    /// <summary>A sliding window says no retry time; the earliest a failure can leave it is the end of the current segment.</summary>
    private TimeSpan? FailureWait(RateLimitLease lease) => TokenBuckets.WaitOf(lease, failureSegment);

    public void Dispose()
    {
        unauthenticated.Dispose();
        failures.Dispose();
    }
}
