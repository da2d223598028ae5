using Azure.Data.Tables;
using EmbeddedFinance.Azure.Storage;
using EmbeddedFinance.Core.Events;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Azure.Events;

public static class EventRows
{
    /// <summary>The index of events by type: <c>eventtype|{type}|{evt_…}</c>, for listing one type without reading the others.</summary>
    public const string TypeIndexKind = "eventtype";

    /// <summary>The index of events by the object they are about: <c>eventobject|{pay_…}|{evt_…}</c>, for an object's history.</summary>
    public const string ObjectIndexKind = "eventobject";

    /// <summary>The rows <see cref="AddEvent"/> writes per event: the event, its outbox row, its type index row and its object index row.</summary>
    public const int RowsPerEvent = 4;

    /// <summary>Adds the event, its outbox row and its type and object index rows to the batch of the change that caused it.</summary>
    public static StateBatch AddEvent(this StateBatch batch, PlatformEvent platformEvent, string? ledgerTransactionId = null) => batch
        .Add(ToEntity(platformEvent, EventEntity.Kind))
        .Add(new TableEntity(platformEvent.Scope, StateTable.RowKey(TypeIndex(platformEvent.Type), platformEvent.Id)))
        .Add(new TableEntity(platformEvent.Scope, StateTable.RowKey(ObjectIndex(platformEvent.ObjectId() ?? "none"), platformEvent.Id)))
        .AddOutbox(ToEntity(platformEvent, EventEntity.OutboxKind, ledgerTransactionId), new OutboxEntry(platformEvent, ledgerTransactionId, ""));

    /// <summary>The kind of one type's index rows (<c>eventtype|payment.created</c>), whose ids are the events'.</summary>
    public static string TypeIndex(string type) => $"{TypeIndexKind}|{type}";

    /// <summary>The kind of one object's index rows (<c>eventobject|pay_…</c>), whose ids are the events'.</summary>
    public static string ObjectIndex(string objectId) => $"{ObjectIndexKind}|{objectId}";

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
