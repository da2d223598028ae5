using EmbeddedFinance.Azure.Idempotency;
using EmbeddedFinance.Core.Outbox;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Starts batches on the state table.</summary>
public sealed class StateBatches(StateTable table, IdempotencyRecords idempotency, IOutboxNudge nudge, WorkCalendar calendar)
{
    public StateBatch For(string partitionKey) => new(table, idempotency, nudge, partitionKey, calendar);
}
