using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Core.Webhooks;

/// <summary>The relay's webhook consumer: one delivery message per event and enabled endpoint subscribed to its type.</summary>
public sealed class WebhookDispatch(IWebhookEndpointStore endpoints, IWebhookQueue queue) : IOutboxConsumer
{
    private const int ParallelSends = 16;

    public async Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var subscribed = await endpoints.ListEnabledAsync(scope, cancellationToken);
        if (subscribed.Count == 0) return;
        var deliveries = entries
            .SelectMany(entry => subscribed.Where(endpoint => endpoint.Subscribes(entry.Event.Type))
                .Select(endpoint => new WebhookDelivery(scope, entry.Event.Id, endpoint.Id, Attempt: 1)))
            .ToList();
        // Queue sends are one call each; a page of events to a few endpoints is hundreds, so not one after another.
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = ParallelSends, CancellationToken = cancellationToken },
            (delivery, token) => new ValueTask(queue.EnqueueAsync(delivery, TimeSpan.Zero, token)));
    }
}
