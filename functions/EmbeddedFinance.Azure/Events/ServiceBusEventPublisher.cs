using Azure.Messaging.ServiceBus;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Azure.Events;

/// <summary>
/// Publishes relayed events to a Service Bus topic when one is configured. The message id is the event id, so
/// the topic's duplicate detection drops the repeats that at-least-once relaying can produce.
/// </summary>
public sealed class ServiceBusEventPublisher(ServiceBusSender sender) : IOutboxConsumer
{
    public async Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken)
    {
        var pending = new Queue<OutboxEntry>(entries);
        while (pending.Count > 0)
        {
            using var batch = await sender.CreateMessageBatchAsync(cancellationToken);
            while (pending.Count > 0 && batch.TryAddMessage(ToMessage(pending.Peek()))) pending.Dequeue();
            if (batch.Count == 0) throw new InvalidOperationException($"Event {pending.Peek().Event.Id} is too large for a Service Bus message.");
            await sender.SendMessagesAsync(batch, cancellationToken);
        }
    }

    public static ServiceBusMessage ToMessage(OutboxEntry entry) => new(BinaryData.FromString(entry.Event.ToJson()))
    {
        MessageId = entry.Event.Id,
        Subject = entry.Event.Type,
        ContentType = "application/json",
        ApplicationProperties = { ["scope"] = entry.Event.Scope, ["type"] = entry.Event.Type },
    };
}
