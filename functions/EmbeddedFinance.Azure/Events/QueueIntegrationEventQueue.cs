using System.Text.Json;
using Azure.Storage.Queues;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Events;
using Microsoft.Extensions.Options;

namespace EmbeddedFinance.Azure.Events;

public sealed class QueueIntegrationEventQueue(QueueServiceClient queues, IOptions<QueueNames> names) : IIntegrationEventQueue
{
    private readonly QueueClient queue = queues.GetQueueClient(names.Value.IntegrationEvents);

    public Task EnqueueAsync(IntegrationEventsMessage message, CancellationToken cancellationToken) =>
        queue.SendMessageAsync(JsonSerializer.Serialize(message), cancellationToken);
}
