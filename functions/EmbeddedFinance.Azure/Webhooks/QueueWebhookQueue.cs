using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Webhooks;

/// <summary>Delivery messages (<c>%Queues:Webhooks%</c>); a retry is the same message hidden until its time comes.</summary>
public sealed class QueueWebhookQueue(QueueMessages messages, IOptions<QueueNames> names) : IWebhookQueue
{
    public Task EnqueueAsync(WebhookDelivery delivery, TimeSpan delay, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.Webhooks, delivery, delay, cancellationToken);
}
