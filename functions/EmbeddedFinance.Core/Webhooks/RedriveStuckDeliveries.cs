using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// Queues again every delivery whose first attempt is not on record when its check falls due (its message lost, or
/// poisoned by a bug since fixed), so no event waits on a person to reach an enabled endpoint. Deliveries to an
/// endpoint since disabled or deleted are dropped, as the delivery itself would drop them. What is still missing
/// is checked again at a doubling interval.
/// </summary>
public sealed class RedriveStuckDeliveries(
    IDeliveryChecks checks, IWebhookEndpointStore endpoints, IWebhookAttemptStore attempts, IWebhookQueue queue, IOptions<RecoveryOptions> options, TimeProvider clock,
    ILogger<RedriveStuckDeliveries> logger)
{
    private const int MaxChecksPerRun = 20;

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var driven = 0;
        foreach (var check in await checks.DueAsync(now, MaxChecksPerRun, cancellationToken))
        {
            try
            {
                driven += await DriveAsync(check, now, cancellationToken);
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                // One check that fails (a dependency down, a bug) must not hold up the others; it is due again next run.
                logger.LogError(failure, "Redrive of {Count} webhook deliveries of {Scope} failed; retried on the next run", check.Deliveries.Count, check.Scope);
            }
        }
        return driven;
    }

    /// <summary>Queues again each delivery of the check with no attempt on record (and schedules the next check for them); drops the check.</summary>
    private async Task<int> DriveAsync(DeliveryCheck check, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var missing = new List<DeliveryRef>();
        var enabled = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var delivery in check.Deliveries)
        {
            if (!enabled.TryGetValue(delivery.EndpointId, out var isEnabled))
            {
                enabled[delivery.EndpointId] = isEnabled = (await endpoints.GetAsync(check.Scope, delivery.EndpointId, cancellationToken))?.IsEnabled == true;
            }
            if (!isEnabled) continue;
            var made = await attempts.ListAsync(check.Scope, delivery.EventId, delivery.EndpointId, cancellationToken);
            if (made.Any(attempt => !attempt.Manual)) continue;
            missing.Add(delivery);
            await queue.EnqueueAsync(new WebhookDelivery(check.Scope, delivery.EventId, delivery.EndpointId, Attempt: 1), TimeSpan.Zero, cancellationToken);
        }
        if (missing.Count > 0)
        {
            var next = check with { Deliveries = missing, DueAt = now + RecoveryOptions.NextCheckAfter(options.Value.StuckDeliveryAfter, check.Checks), Checks = check.Checks + 1 };
            await checks.ScheduleAsync(next, cancellationToken);
            logger.LogWarning("{Count} webhook deliveries of {Scope} had no attempt {Minutes:0} min after they were queued (first: {EventId} to {EndpointId}); queued again, next check at {NextCheck:O}",
                missing.Count, check.Scope, (now - check.DueAt + options.Value.StuckDeliveryAfter).TotalMinutes, missing[0].EventId, missing[0].EndpointId, next.DueAt);
        }
        await checks.RemoveAsync(check, cancellationToken);
        return missing.Count;
    }
}
