using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Events;

namespace EmbeddedFinance.Azure.Events;

public static class EventRows
{
    /// <summary>Adds the event and its outbox row to the batch of the change that caused it.</summary>
    public static StateBatch AddEvent(this StateBatch batch, PlatformEvent platformEvent) => batch
        .Add(ToEntity(platformEvent, EventEntity.Kind))
        .Add(ToEntity(platformEvent, EventEntity.OutboxKind));

    private static EventEntity ToEntity(PlatformEvent platformEvent, string kind) => new()
    {
        PartitionKey = platformEvent.Scope,
        RowKey = StateTable.RowKey(kind, platformEvent.Id),
        EventId = platformEvent.Id,
        Type = platformEvent.Type,
        Mode = platformEvent.Mode.ToString(),
        Created = platformEvent.Created,
        ObjectJson = platformEvent.ObjectJson,
    };
}
