using EmbeddedFinance.Azure.Idempotency;

namespace EmbeddedFinance.Azure.Storage;

/// <summary>Starts batches on the state table.</summary>
public sealed class StateBatches(StateTable table, IdempotencyRecords idempotency)
{
    public StateBatch For(string partitionKey) => new(table, idempotency, partitionKey);
}
