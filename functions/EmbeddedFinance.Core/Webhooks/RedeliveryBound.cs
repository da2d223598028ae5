using EmbeddedFinance.Core.Common;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// At most <see cref="WebhookOptions.MaxRedeliveriesPerHour"/> manual redeliveries of one event to one endpoint per
/// rolling hour: a receiver is not flooded by a merchant's retry loop, and the platform's delivery work stays bounded.
/// </summary>
public sealed class RedeliveryBound(IRedeliveryLog log, IOptions<WebhookOptions> options, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    /// <summary>Counts one more redelivery and returns null, or returns how long until one is allowed again (and counts nothing).</summary>
    public async Task<TimeSpan?> TryTakeAsync(string scope, string eventId, string endpointId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var window = await log.GetAsync(scope, eventId, endpointId, cancellationToken);
            var now = clock.GetUtcNow();
            if (window.WaitBefore(now, options.Value.MaxRedeliveriesPerHour) is { } wait) return wait;
            try
            {
                await log.SaveAsync(scope, eventId, endpointId, window.With(now), cancellationToken);
                return null;
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Another redelivery of the same pair counted first: count again on what the row holds now.
            }
        }
    }
}
