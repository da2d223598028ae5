using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Azure.Events;

/// <summary>
/// Publishes relayed events to a Service Bus topic when one is configured. The message id is the event id, so
/// the topic's duplicate detection drops the repeats that at-least-once relaying can produce.
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender) : IIntegrationEventPublisher
{
    public async Task PublishAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken)
    {
        var pending = new Queue<PlatformEvent>(events);
        while (pending.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            while (pending.Count > 0 && batch.TryAddMessage(ToMessage(pending.Peek()))) pending.Dequeue();
            if (batch.Count == 0) throw new InvalidOperationException($"Event {pending.Peek().Id} is too large for a Service Bus message.");
            await sender.SendMessagesAsync(batch, cancellationToken);
        }
    }

    public static ServiceBusMessage ToMessage(PlatformEvent platformEvent) => new(BinaryData.FromString(Core.Versions.VersionedJson.Render(platformEvent.ToJson(), Core.Versions.ApiVersions.Newest)))
    {
        MessageId = platformEvent.Id,
        Subject = platformEvent.Type,
        ContentType = "application/json",
        ApplicationProperties = { ["scope"] = platformEvent.Scope, ["type"] = platformEvent.Type },
    };
}
