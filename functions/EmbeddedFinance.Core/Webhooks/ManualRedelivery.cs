namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// One attempt of an event to an endpoint, now, asked for by the merchant (a redelivery or a recovery): counted against
/// <see cref="RedeliveryBound"/>, sent with the same <c>webhook-id</c>, numbered apart from the retry schedule's.
/// </summary>
public sealed class ManualRedelivery(IWebhookAttemptStore attempts, IWebhookQueue queue, RedeliveryBound bound)
{
    /// <summary>Queues the attempt and returns null, or returns how long until the bound allows one (and queues nothing).</summary>
    public async Task<TimeSpan?> TryQueueAsync(string scope, string eventId, string endpointId, CancellationToken cancellationToken)
    {
        // Counted before the attempt is queued: one lost to a crash in between is counted, never one made uncounted.
        if (await bound.TryTakeAsync(scope, eventId, endpointId, cancellationToken) is { } wait) return wait;
        // Manual attempts count apart from the retry schedule's, which carries on untouched; two redeliveries racing
        // for one number make one attempt.
        var earlier = (await attempts.ListAsync(scope, eventId, endpointId, cancellationToken)).Where(attempt => attempt.Manual).ToList();
        var next = earlier.Count == 0 ? 1 : earlier.Max(attempt => attempt.Number) + 1;
        await queue.EnqueueAsync(new WebhookDelivery(scope, eventId, endpointId, next, Manual: true), TimeSpan.Zero, cancellationToken);
        return null;
    }
}
