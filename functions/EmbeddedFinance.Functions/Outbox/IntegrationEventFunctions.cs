using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Functions.Recovery;
using Microsoft.Azure.Functions.Worker;

namespace EmbeddedFinance.Functions.Outbox;

public sealed class IntegrationEventFunctions(PublishIntegrationEvents publish, QueueWork work)
{
    [Function(nameof(PublishIntegrationEvents))]
    public Task PublishAsync([QueueTrigger("%Queues:IntegrationEvents%")] IntegrationEventsMessage message, CancellationToken cancellationToken) =>
        work.RunAsync(nameof(PublishIntegrationEvents), queues => queues.IntegrationEvents, message, () => publish.HandleAsync(message, cancellationToken), cancellationToken);
}
