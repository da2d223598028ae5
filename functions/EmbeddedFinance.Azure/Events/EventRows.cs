using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Azure.Events;

public static class EventRows
{
    /// <summary>Adds the event and its outbox row to the batch of the change that caused it.</summary>
    public static StateBatch AddEvent(this StateBatch batch, PlatformEvent platformEvent, string? ledgerTransactionId = null) => batch
        .Add(ToEntity(platformEvent, EventEntity.Kind))
        .AddOutbox(ToEntity(platformEvent, EventEntity.OutboxKind, ledgerTransactionId), new OutboxEntry(platformEvent, ledgerTransactionId, ""));

    public static PlatformEvent ToEvent(EventEntity entity) =>
        new(entity.EventId, entity.Type, entity.PartitionKey, Enum.Parse<Core.Common.Mode>(entity.Mode), entity.Created, entity.ObjectJson);

    private static EventEntity ToEntity(PlatformEvent platformEvent, string kind, string? ledgerTransactionId = null) => new()
    {
        PartitionKey = platformEvent.Scope,
        RowKey = StateTable.RowKey(kind, platformEvent.Id),
        EventId = platformEvent.Id,
        Type = platformEvent.Type,
        Mode = platformEvent.Mode.ToString(),
        Created = platformEvent.Created,
        ObjectJson = platformEvent.ObjectJson,
        LedgerTransactionId = ledgerTransactionId,
    };
}
