using EmbeddedFinance.Core.Access;
using EmbeddedFinance.Core.Audit;
using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Risk;

/// <summary>
/// Watches every API request for suspicious use: bursts of 401s per client address, one credential from many addresses,
/// a jump in a merchant's volume. Counts live in this instance (bounded caches, like the rate limits): cheap enough for
/// every request, and each instance alerts on what it sees. An alert is raised once per window per subject, as an
/// OpenTelemetry counter per signal (an alert rule in infra/main.bicep pages on it), a warning line and an audit record.
/// </summary>
public sealed class ApiAbuseSignals(AuditTrail audit, IOptions<ApiAbuseOptions> options, TimeProvider clock, ILogger<ApiAbuseSignals> logger)
{
    private static readonly TimeSpan VolumeHistory = TimeSpan.FromHours(2);
    private readonly ApiAbuseOptions settings = options.Value;
    private readonly ExpiringCache<string, WindowCount> failures = new(options.Value.Window, clock);
    private readonly ExpiringCache<string, AddressSet> addresses = new(options.Value.Window, clock);
    private readonly ExpiringCache<string, VolumeMeter> volumes = new(VolumeHistory, clock);

    /// <summary>A request whose key failed authentication (401).</summary>
    public Task FailedAuthenticationAsync(string address, string requestId)
    {
        var count = Counted(failures, address, () => new WindowCount()).Add();
        return count == settings.FailedAuthenticationBurst
            ? RaiseAsync(ApiAbuseSignal.FailedAuthenticationBurst, Caller.PlatformScope, "none", 401, requestId, $"{count} failed authentications from {address}")
            : Task.CompletedTask;
    }

    /// <summary>A request a credential was accepted for.</summary>
    public async Task AuthenticatedAsync(Caller caller, string address, string requestId)
    {
        var spread = Counted(addresses, caller.KeyId, () => new AddressSet()).Add(address);
        if (spread == settings.KeyAddressSpread)
        {
            await RaiseAsync(ApiAbuseSignal.KeyAddressSpread, caller.Scope, caller.KeyId, 200, requestId, $"credential {caller.KeyId} used from {spread} addresses");
        }
        if (caller is not Caller.Merchant) return;
        var minute = clock.GetUtcNow().ToUnixTimeSeconds() / 60;
        if (Counted(volumes, caller.Scope, () => new VolumeMeter()).Add(minute, settings) is { } jump)
        {
            await RaiseAsync(ApiAbuseSignal.VolumeJump, caller.Scope, caller.KeyId, 200, requestId, $"{jump.Count} requests this minute against a usual {jump.Usual:0.0}");
        }
    }

    private static T Counted<T>(ExpiringCache<string, T> cache, string key, Func<T> create)
    {
        if (cache.TryGet(key, out var found)) return found;
        var created = create();
        cache.Set(key, created);
        // Two first requests at once may each set one; the later one wins and the earlier count is lost: one event, not a leak.
        return cache.TryGet(key, out found) ? found : created;
    }

    private async Task RaiseAsync(ApiAbuseSignal signal, string scope, string credentialId, int status, string requestId, string what)
    {
        PlatformTelemetry.ApiAbuse[signal.Name].Add(1, PlatformTelemetry.Tags(("scope", scope)));
        logger.LogWarning("API ABUSE SIGNAL {Signal} ({Meaning}) in scope {Scope}: {What}, request {RequestId}", signal.Name, signal.Meaning, scope, what, requestId);
        await audit.RecordAsync(scope, credentialId, signal.AuditAction, status, signal.Name, false, requestId);
    }

    /// <summary>Events in a window that began with the first of them (the cache drops it when the window ends).</summary>
    private sealed class WindowCount
    {
        private int count;

        public int Add() => Interlocked.Increment(ref count);
    }

    private sealed class AddressSet
    {
        private const int Cap = 1000;
        private readonly HashSet<string> seen = new(StringComparer.Ordinal);

        /// <summary>How many distinct addresses, counting this one (capped, so one flood cannot grow it without end).</summary>
        public int Add(string address)
        {
            lock (seen)
            {
                if (seen.Count < Cap) seen.Add(address);
                return seen.Count;
            }
        }
    }

    /// <summary>Requests per minute against their rolling mean (an exponentially weighted one over past minutes).</summary>
    private sealed class VolumeMeter
    {
        private const double Weight = 0.2;
        private const int MinutesBeforeJudging = 5;
        private long minute = -1;
        private int count;
        private double usual;
        private int minutesSeen;
        private bool alerted;
        private readonly Lock gate = new();

        public (int Count, double Usual)? Add(long now, ApiAbuseOptions settings)
        {
            lock (gate)
            {
                if (now != minute)
                {
                    if (minute >= 0)
                    {
                        usual = usual * (1 - Weight) + count * Weight;
                        // Quiet minutes in between count as zeros.
                        for (var quiet = minute + 1; quiet < now && quiet < minute + 60; quiet++) usual *= 1 - Weight;
                        minutesSeen++;
                    }
                    (minute, count, alerted) = (now, 0, false);
                }
                count++;
                if (alerted || minutesSeen < MinutesBeforeJudging || count < settings.VolumeJumpMinimum || count < usual * settings.VolumeJumpFactor) return null;
                alerted = true;
                return (count, usual);
            }
        }
    }
}
