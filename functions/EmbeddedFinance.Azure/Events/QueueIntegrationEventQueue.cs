using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Events;

/// <summary>Integration events for Service Bus (<c>%Queues:IntegrationEvents%</c>).</summary>
public sealed class QueueIntegrationEventQueue(QueueMessages messages, IOptions<QueueNames> names) : IIntegrationEventQueue
{
    public Task EnqueueAsync(IntegrationEventsMessage message, CancellationToken cancellationToken) =>
        messages.SendAsync(names.Value.IntegrationEvents, message, TimeSpan.Zero, cancellationToken);
}
