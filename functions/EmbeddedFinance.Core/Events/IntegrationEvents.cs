using EmbeddedFinance.Core.Outbox;
using EmbeddedFinance.Core.Recovery;
using EmbeddedFinance.Core.Webhooks;
using Microsoft.Extensions.Logging;

namespace EmbeddedFinance.Core.Events;

/// <summary>Publishes events to other systems (a Service Bus topic). Idempotent by event id (duplicate detection).</summary>
public interface IIntegrationEventPublisher
{
    Task PublishAsync(IReadOnlyList<PlatformEvent> events, CancellationToken cancellationToken);
}

/// <summary>Queues relayed events for publication (<c>%Queues:IntegrationEvents%</c>).</summary>
public interface IIntegrationEventQueue
{
    Task EnqueueAsync(IntegrationEventsMessage message, CancellationToken cancellationToken);
}

/// <summary>Events of one scope to publish, by id; the events themselves are rows, read when published.</summary>
public sealed record IntegrationEventsMessage(string Scope, IReadOnlyList<string> EventIds, int Parked = 0) : IParkable<IntegrationEventsMessage>
{
    public IntegrationEventsMessage ParkedOnceMore() => this with { Parked = Parked + 1 };

    public override string ToString() => $"{nameof(IntegrationEventsMessage)} {{ {Scope}, {EventIds.Count} events }}";
}

/// <summary>
/// The relay's integration-event consumer: it only queues the page for publication, so a Service Bus outage holds
/// up Service Bus alone; settlement, payouts and webhooks relay on as usual.
/// </summary>
public sealed class IntegrationEventDispatch(IIntegrationEventQueue queue) : IOutboxConsumer
{
    public Task ConsumeAsync(string scope, IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken) =>
        queue.EnqueueAsync(new IntegrationEventsMessage(scope, entries.Select(entry => entry.Event.Id).ToList()), cancellationToken);
}

/// <summary>Publishes a queued page of events: each read back by its id, then sent together.</summary>
public sealed class PublishIntegrationEvents(IEventStore events, IEnumerable<IIntegrationEventPublisher> publishers, ILogger<PublishIntegrationEvents> logger)
{
    public async Task HandleAsync(IntegrationEventsMessage message, CancellationToken cancellationToken)
    {
        var publisher = publishers.LastOrDefault();
        if (publisher is null)
        {
            logger.LogWarning("{Count} events of {Scope} queued for publication, but no integration-event publisher is configured; dropped", message.EventIds.Count, message.Scope);
            return;
        }
        var found = new List<PlatformEvent>(message.EventIds.Count);
        foreach (var id in message.EventIds)
        {
            if (await events.GetAsync(message.Scope, id, cancellationToken) is { } platformEvent) found.Add(platformEvent);
            else logger.LogError("Event {EventId} of {Scope} queued for publication does not exist; skipped", id, message.Scope);
        }
        await publisher.PublishAsync(found, cancellationToken);
        logger.LogInformation("Published {Count} events of {Scope}", found.Count, message.Scope);
    }
}
