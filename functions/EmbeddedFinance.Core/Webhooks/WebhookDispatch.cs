using EmbeddedFinance.Core.Common;
using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Recovery;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>
/// The relay's webhook consumer: one delivery message per event and enabled endpoint subscribed to its type. Before
/// the messages go out, a check is scheduled that finds any delivery whose first attempt never happened (a lost or
/// poisoned message) and queues it again.
/// </summary>
public sealed class WebhookDispatch(IWebhookEndpointStore endpoints, IWebhookQueue queue, IDeliveryChecks checks, IOptions<RecoveryOptions> recovery, TimeProvider clock) : IOutboxConsumer
{
    private const int ParallelSends = 16;

    // A table string property holds 32 K characters (64 KiB of UTF-16); a pair is ~80 characters of JSON.
    private const int DeliveriesPerCheck = 200;

    public async Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var subscribed = await endpoints.ListEnabledAsync(scope, cancellationToken);
        if (subscribed.Count == 0) return;
        var deliveries = entries
            .SelectMany(entry => subscribed.Where(endpoint => endpoint.Subscribes(entry.Event.Type))
                .Select(endpoint => new WebhookDelivery(scope, entry.Event.Id, endpoint.Id, Attempt: 1)))
            .ToList();
        if (deliveries.Count == 0) return;
        var dueAt = clock.GetUtcNow() + recovery.Value.StuckDeliveryAfter;
        foreach (var chunk in deliveries.Chunk(DeliveriesPerCheck))
        {
            var refs = chunk.Select(delivery => new DeliveryRef(delivery.EventId, delivery.EndpointId)).ToList();
            await checks.ScheduleAsync(new DeliveryCheck(PrefixedId.New("dck", clock), scope, refs, dueAt, 0), cancellationToken);
        }
        // Queue sends are one call each; a page of events to a few endpoints is hundreds, so not one after another.
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            (delivery, token) => new ValueTask(queue.EnqueueAsync(delivery, TimeSpan.Zero, token)));
    }
}
