using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>Delivery messages (<c>%Queues:Webhooks%</c>); a retry is the same message hidden until its time comes.</summary>
public sealed class QueueWebhookQueue(QueueServiceClient queues, IOptions<QueueNames> names) : IWebhookQueue
{
    private readonly QueueClient deliveries = queues.GetQueueClient(names.Value.Webhooks);

    // A queue hides messages for whole seconds, and would round a delay down (to none at all under one second).
    public Task EnqueueAsync(WebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken) =>
        deliveries.SendMessageAsync(JsonSerializer.Serialize(delivery),
            visibilityTimeout: delay > TimeSpan.Zero ? TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds)) : null, cancellationToken: cancellationToken);
}
